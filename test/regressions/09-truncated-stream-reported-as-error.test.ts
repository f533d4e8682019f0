// docs/wandb-wire-format.md, recurring bug 9: vercel/ai#19165 → #19169 (error part + finish 'error'); CherryHQ/cherry-studio#19793;
// earendil-works/pi#5793; OpenRouterTeam/ai-sdk-provider#412 (`TypeError: terminated` thrown raw).
import { streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb } from '../../src/index';
import { chunk, startFakeWandbServer, type FakeWandbServer } from '../fake-wandb-server';
import { MODEL_ID, finishOf, partsOf, readParts, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const wandb = () => createWandb({ apiKey: 'test-key', baseURL: server.baseURL });

async function streamParts() {
  const { stream } = await wandb()(MODEL_ID).doStream({ prompt: userPrompt() });
  return readParts(stream);
}

const partial = [chunk({ role: 'assistant', content: '' }), chunk({ content: 'The answer is' })];

describe('a truncated stream is an error, not a success (vercel/ai#19169, OpenRouter#412)', () => {
  it('stream ends without finish_reason and without [DONE] → error part, finish reason error', async () => {
    server.chat({ type: 'sse', events: partial, done: false });
    const parts = await streamParts();
    expect(partsOf(parts, 'error')).toHaveLength(1);
    expect(finishOf(parts).finishReason.unified).toBe('error');
    const types = parts.map(part => part.type);
    expect(types.indexOf('error')).toBeLessThan(types.indexOf('finish'));
  });

  it('socket dropped mid-stream → error part and finish error, not a thrown TypeError', async () => {
    // delayMs lets the first writes reach the client before the socket is destroyed.
    server.chat({
      type: 'sse',
      events: [...partial, chunk({ content: ' 42' }), chunk({}, 'stop')],
      destroyAfter: 2,
      delayMs: 20,
    });
    const parts = await streamParts();
    expect(
      partsOf(parts, 'text-delta')
        .map(part => part.delta)
        .join(''),
    ).toBe('The answer is');
    expect(partsOf(parts, 'error').length).toBeGreaterThanOrEqual(1);
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('the same stream with finish_reason is a clean stop (control)', async () => {
    server.chat({ type: 'sse', events: [...partial, chunk({}, 'stop')], done: false });
    const parts = await streamParts();
    expect(partsOf(parts, 'error')).toEqual([]);
    expect(finishOf(parts).finishReason).toEqual({ unified: 'stop', raw: 'stop' });
  });

  it('streamText surfaces the truncation instead of finishing with stop/other', async () => {
    server.chat({ type: 'sse', events: partial, done: false });
    const errors: unknown[] = [];
    const result = streamText({
      model: wandb()(MODEL_ID),
      prompt: 'hi',
      onError: ({ error }) => void errors.push(error),
    });
    const types: string[] = [];
    for await (const part of result.fullStream) types.push(part.type);
    expect(types).toContain('error');
    expect(errors).toHaveLength(1);
    expect(await result.finishReason).toBe('error');
  });
});
