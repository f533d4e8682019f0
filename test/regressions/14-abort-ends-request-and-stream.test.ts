// docs/wandb-wire-format.md, recurring bug 14: vercel/ai#15430 → #16852 (streamText hangs when the body is cancelled mid-stream);
// vercel/ai#8107 → #8197 (abortSignal not propagated / reported as a generic error).
import { streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb } from '../../src/index';
import { chunk, startFakeWandbServer, type FakeWandbServer } from '../fake-wandb-server';
import { MODEL_ID, readParts, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const model = () => createWandb({ apiKey: 'test-key', baseURL: server.baseURL })(MODEL_ID);
const isAbort = (error: unknown) =>
  error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');

/** Settles with what happened; a test whose stream never ends fails on vitest's timeout. */
function settle<T>(promise: PromiseLike<T>) {
  return Promise.resolve(promise).then(
    value => ({ value, error: undefined as unknown }),
    (error: unknown) => ({ value: undefined, error }),
  );
}

describe('abortSignal ends the request and the stream (vercel/ai#16852, #8197)', () => {
  it('an already aborted signal rejects with the AbortError itself', async () => {
    const controller = new AbortController();
    controller.abort();
    const { error } = await settle(
      model().doStream({ prompt: userPrompt(), abortSignal: controller.signal }),
    );
    expect(isAbort(error)).toBe(true);
  });

  it('doStream: aborting a stalled stream ends the reader and closes the connection', async () => {
    server.chat({ type: 'stall' });
    const controller = new AbortController();
    const { stream } = await model().doStream({
      prompt: userPrompt(),
      abortSignal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const { value: parts, error } = await settle(readParts(stream));
    // Either the reader rejects with the AbortError, or the stream ends with an error part carrying it.
    const reported = error ?? parts?.find(part => part.type === 'error')?.error;
    expect(reported === undefined || isAbort(reported)).toBe(true);
    await expect.poll(() => server.openSockets(), { timeout: 2_000 }).toBe(0);
  });

  it('doStream: aborting mid-stream stops reading a slow stream', async () => {
    const events = Array.from({ length: 100 }, (_, i) => chunk({ content: `${i} ` }));
    server.chat({ type: 'sse', events: [...events, chunk({}, 'stop')], delayMs: 100 });
    const controller = new AbortController();
    const { stream } = await model().doStream({
      prompt: userPrompt(),
      abortSignal: controller.signal,
    });
    const reader = stream.getReader();
    let deltas = 0;
    let failure: unknown;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (value.type === 'text-delta' && ++deltas === 2) controller.abort();
      }
    } catch (error) {
      failure = error;
    }
    expect(deltas).toBeLessThan(10);
    if (failure !== undefined) expect(isAbort(failure)).toBe(true);
    await expect.poll(() => server.openSockets(), { timeout: 2_000 }).toBe(0);
  });

  it('doGenerate: aborting while the body is pending rejects with an AbortError', async () => {
    server.chat({ type: 'stall' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const { error } = await settle(
      model().doGenerate({ prompt: userPrompt(), abortSignal: controller.signal }),
    );
    expect(isAbort(error)).toBe(true);
    await expect.poll(() => server.openSockets(), { timeout: 2_000 }).toBe(0);
  });

  it('streamText: aborting a stalled stream finishes with an abort part instead of hanging', async () => {
    server.chat({ type: 'stall' });
    const controller = new AbortController();
    const result = streamText({
      model: model(),
      prompt: 'hi',
      abortSignal: controller.signal,
      onError: () => {},
    });
    setTimeout(() => controller.abort(), 50);
    const types: string[] = [];
    for await (const part of result.fullStream) types.push(part.type);
    expect(types).toContain('abort');
    await expect.poll(() => server.openSockets(), { timeout: 2_000 }).toBe(0);
  });
});
