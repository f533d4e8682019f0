// docs/wandb-wire-format.md, recurring bug 8: vercel/ai#7441 (includeUsage), #6648 and #3268 (NaN), #7925/#7934, #11638, #12250, #18561
// (keep raw usage), #18614 (reasoning_tokens > completion_tokens); OpenRouterTeam/ai-sdk-provider#419 → PR #473.
import { streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb } from '../../src/index';
import {
  chunk,
  completion,
  startFakeWandbServer,
  usageChunk,
  type FakeWandbServer,
} from '../fake-wandb-server';
import { MODEL_ID, finishOf, readParts, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const wandb = () => createWandb({ apiKey: 'test-key', baseURL: server.baseURL });

async function streamedUsage(events: unknown[]) {
  server.chat({ type: 'sse', events });
  const { stream } = await wandb()(MODEL_ID).doStream({ prompt: userPrompt() });
  return finishOf(await readParts(stream)).usage;
}

function expectNoNaNOrNegative(usage: object) {
  const leaves = [
    ...Object.values((usage as any).inputTokens),
    ...Object.values((usage as any).outputTokens),
  ];
  for (const value of leaves) {
    if (value !== undefined) {
      expect(Number.isNaN(value)).toBe(false);
      expect(value as number).toBeGreaterThanOrEqual(0);
    }
  }
}

describe('streamed usage (vercel/ai#7441, #6648, #18561, #18614, OpenRouter#419)', () => {
  it('asks for streamed usage with stream_options.include_usage', async () => {
    server.chat({
      type: 'sse',
      events: [chunk({ content: 'x' }), chunk({}, 'stop'), usageChunk()],
    });
    const { stream } = await wandb()(MODEL_ID).doStream({ prompt: userPrompt() });
    await readParts(stream);
    expect(server.requests.at(-1)!.body.stream_options).toEqual({ include_usage: true });
  });

  it('takes usage from the trailing choices:[] chunk, keeping unknown fields in raw', async () => {
    const raw = {
      prompt_tokens: 30,
      completion_tokens: 20,
      total_tokens: 50,
      prompt_tokens_details: { cached_tokens: 10 },
      completion_tokens_details: { reasoning_tokens: 8 },
      queue_time_ms: 42,
    };
    const usage = await streamedUsage([
      chunk({ content: 'x' }),
      chunk({}, 'stop'),
      usageChunk(raw),
    ]);
    expect(usage.inputTokens.total).toBe(30);
    expect(usage.inputTokens.cacheRead).toBe(10);
    expect(usage.outputTokens).toEqual({ total: 20, reasoning: 8, text: 12 });
    expect(usage.raw).toMatchObject(raw);
  });

  it('takes the last usage when several chunks carry one', async () => {
    const early = {
      ...chunk({ content: 'x' }),
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    };
    const usage = await streamedUsage([
      early,
      chunk({}, 'stop'),
      usageChunk({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 }),
    ]);
    expect(usage.inputTokens.total).toBe(7);
    expect(usage.outputTokens.total).toBe(3);
  });

  it('reports undefined (not 0 or NaN) when no usage arrives', async () => {
    const usage = await streamedUsage([chunk({ content: 'x' }), chunk({}, 'stop')]);
    expect(usage.inputTokens.total).toBeUndefined();
    expect(usage.outputTokens.total).toBeUndefined();
    expect(usage.outputTokens.text).toBeUndefined();
    expectNoNaNOrNegative(usage);
  });

  it('never reports negative text tokens when reasoning_tokens exceed completion_tokens', async () => {
    const usage = await streamedUsage([
      chunk({ content: 'x' }),
      chunk({}, 'stop'),
      usageChunk({
        prompt_tokens: 5,
        completion_tokens: 10,
        total_tokens: 15,
        completion_tokens_details: { reasoning_tokens: 14 },
      }),
    ]);
    expect(usage.outputTokens.text).toBe(0);
    expectNoNaNOrNegative(usage);
  });

  it('streamText reports the trailing-chunk usage to the user', async () => {
    server.chat({
      type: 'sse',
      events: [
        chunk({ content: 'x' }),
        chunk({}, 'stop'),
        usageChunk({ prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 }),
      ],
    });
    const result = streamText({ model: wandb()(MODEL_ID), prompt: 'hi' });
    const usage = await result.usage;
    expect(usage.inputTokens).toBe(9);
    expect(usage.outputTokens).toBe(4);
    expect(usage.totalTokens).toBe(13);
  });
});

describe('non-streamed usage', () => {
  it('reports undefined when the body has no usage', async () => {
    const body: Record<string, unknown> = completion({ content: 'x' });
    delete body.usage;
    server.chat({ type: 'json', body });
    const { usage } = await wandb()(MODEL_ID).doGenerate({ prompt: userPrompt() });
    expect(usage.inputTokens.total).toBeUndefined();
    expect(usage.outputTokens.total).toBeUndefined();
    expectNoNaNOrNegative(usage);
  });

  it('clamps text tokens and keeps raw fields', async () => {
    const raw = {
      prompt_tokens: 5,
      completion_tokens: 3,
      total_tokens: 8,
      completion_tokens_details: { reasoning_tokens: 4 },
      extra: 'kept',
    };
    server.chat({ type: 'json', body: completion({ content: 'x' }, { usage: raw }) });
    const { usage } = await wandb()(MODEL_ID).doGenerate({ prompt: userPrompt() });
    expect(usage.outputTokens).toEqual({ total: 3, reasoning: 4, text: 0 });
    expect(usage.raw).toMatchObject(raw);
  });
});
