// docs/wandb-wire-format.md, recurring bug 21.
// LanguageModelV4 (`@ai-sdk/provider` 4) defines the finish reason `interrupted` for "the provider
// stream ended without a completion signal". OpenAI-compatible gateways do end streams with
// `[DONE]` but no `finish_reason` (https://github.com/anomalyco/opencode/issues/43882,
// https://github.com/alfredapp/openai-workflow/pull/52, https://github.com/BerriAI/liteLLM-proxy/issues/19).
// Such a stream is not a success (`stop`) and not a cut connection (error): on the root entry it is
// `interrupted`; ai@6 has no such value (nearest: `other`), ai@5 and ai@4 have `unknown`.
import { streamText } from 'ai';
import { streamText as streamTextV4 } from 'ai-v4';
import { streamText as streamTextV5 } from 'ai-v5';
import { streamText as streamTextV6 } from 'ai-v6';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb as createWandbV1 } from '../../src/v1/index';
import { createWandb as createWandbV2 } from '../../src/v2/index';
import { createWandb as createWandbV3 } from '../../src/v3/index';
import {
  chunk,
  startFakeWandbServer,
  type FakeWandbServer,
  usageChunk,
} from '../fake-wandb-server';
import {
  API_KEY,
  MODEL_ID,
  finishOf,
  partsOf,
  providerFor,
  readParts,
  userPrompt,
} from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const noFinishReason = [
  chunk({ role: 'assistant', content: '' }),
  chunk({ content: 'The answer is' }),
  usageChunk(),
];
const settings = () => ({ apiKey: API_KEY, baseURL: server.baseURL });

describe('[DONE] without finish_reason finishes `interrupted`', () => {
  it('doStream on the root entry: finish interrupted, no error part', async () => {
    server.chat({ type: 'sse', events: noFinishReason });
    const { stream } = await providerFor(server)(MODEL_ID).doStream({ prompt: userPrompt() });
    const parts = await readParts(stream);
    expect(partsOf(parts, 'error')).toEqual([]);
    expect(finishOf(parts).finishReason).toEqual({ unified: 'interrupted', raw: undefined });
  });

  it('streamText (ai@7) reports interrupted', async () => {
    server.chat({ type: 'sse', events: noFinishReason });
    const result = streamText({ model: providerFor(server)(MODEL_ID), prompt: 'Hi' });
    expect(await result.text).toBe('The answer is');
    expect(await result.finishReason).toBe('interrupted');
  });

  it('a cut stream without [DONE] stays an error', async () => {
    server.chat({ type: 'sse', events: noFinishReason, done: false });
    const { stream } = await providerFor(server)(MODEL_ID).doStream({ prompt: userPrompt() });
    const parts = await readParts(stream);
    expect(partsOf(parts, 'error')).toHaveLength(1);
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('with tool calls it is still a tool-call turn', async () => {
    server.chat({
      type: 'sse',
      events: [
        chunk({
          tool_calls: [
            {
              index: 0,
              id: 'functions.search:0',
              type: 'function',
              function: { name: 'search', arguments: '{"q":"x"}' },
            },
          ],
        }),
      ],
    });
    const { stream } = await providerFor(server)(MODEL_ID).doStream({ prompt: userPrompt() });
    expect(finishOf(await readParts(stream)).finishReason).toEqual({
      unified: 'tool-calls',
      raw: undefined,
    });
  });

  it('ai@6 on /v3 sees the nearest V3 value, other', async () => {
    server.chat({ type: 'sse', events: noFinishReason });
    const result = streamTextV6({ model: createWandbV3(settings())(MODEL_ID), prompt: 'Hi' });
    expect(await result.text).toBe('The answer is');
    expect(await result.finishReason).toBe('other');
  });

  it('ai@5 on /v2 sees unknown', async () => {
    server.chat({ type: 'sse', events: noFinishReason });
    const result = streamTextV5({ model: createWandbV2(settings())(MODEL_ID), prompt: 'Hi' });
    expect(await result.text).toBe('The answer is');
    expect(await result.finishReason).toBe('unknown');
  });

  it('ai@4 on /v1 sees unknown', async () => {
    server.chat({ type: 'sse', events: noFinishReason });
    const result = streamTextV4({ model: createWandbV1(settings())(MODEL_ID), prompt: 'Hi' });
    // ai@4 settles its promises only once the stream has been read.
    let text = '';
    for await (const delta of result.textStream) text += delta;
    expect(text).toBe('The answer is');
    expect(await result.finishReason).toBe('unknown');
  });
});
