import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completion,
  startFakeWandbServer,
  type FakeWandbServer,
} from '../../src/emulator/scripted-wandb-server';
import { MODEL_ID, callOptions, providerFor, weatherTool } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(async () => {
  await server.close();
});

/** Answers one doGenerate call with `body` (and optional response headers). */
async function generateFrom(body: unknown, headers?: Record<string, string>) {
  server.chat({ type: 'json', body, headers });
  return providerFor(server)(MODEL_ID).doGenerate(callOptions({ tools: [weatherTool] }));
}

const weatherCall = (id: string, city: string) => ({
  id,
  type: 'function',
  function: { name: 'weather', arguments: JSON.stringify({ city }) },
});

describe('content', () => {
  it('returns the answer text', async () => {
    const result = await generateFrom(completion({ content: 'Hello, world' }));
    expect(result.content).toEqual([{ type: 'text', text: 'Hello, world' }]);
  });

  it('returns no text part for null or empty content', async () => {
    expect((await generateFrom(completion({ content: null }))).content).toEqual([]);
    expect((await generateFrom(completion({ content: '' }))).content).toEqual([]);
  });

  it('reads reasoning from the reasoning field, before the text', async () => {
    const result = await generateFrom(
      completion({ reasoning: 'Think first.', content: 'Answer.' }),
    );
    expect(result.content).toEqual([
      { type: 'reasoning', text: 'Think first.' },
      { type: 'text', text: 'Answer.' },
    ]);
  });

  it('reads reasoning from the older reasoning_content field', async () => {
    const result = await generateFrom(
      completion({ reasoning_content: 'Older field.', content: 'Answer.' }),
    );
    expect(result.content).toEqual([
      { type: 'reasoning', text: 'Older field.' },
      { type: 'text', text: 'Answer.' },
    ]);
  });

  it('ignores null and empty reasoning', async () => {
    expect((await generateFrom(completion({ reasoning: null, content: 'A' }))).content).toEqual([
      { type: 'text', text: 'A' },
    ]);
    expect(
      (await generateFrom(completion({ reasoning: '', reasoning_content: null, content: 'B' })))
        .content,
    ).toEqual([{ type: 'text', text: 'B' }]);
  });

  it('returns tool calls with their raw argument string', async () => {
    const result = await generateFrom(
      completion(
        {
          content: null,
          tool_calls: [weatherCall('call_1', 'Paris'), weatherCall('call_2', 'Rome')],
        },
        { finishReason: 'tool_calls' },
      ),
    );
    expect(result.content).toEqual([
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: '{"city":"Paris"}' },
      { type: 'tool-call', toolCallId: 'call_2', toolName: 'weather', input: '{"city":"Rome"}' },
    ]);
  });

  it('keeps reasoning, text and tool calls in the order they came', async () => {
    const result = await generateFrom(
      completion(
        {
          reasoning: 'Need the weather.',
          content: 'Checking.',
          tool_calls: [weatherCall('call_1', 'Paris')],
        },
        { finishReason: 'tool_calls' },
      ),
    );
    expect(result.content.map(part => part.type)).toEqual(['reasoning', 'text', 'tool-call']);
  });

  it('gives a tool call without an id a non-empty id', async () => {
    const result = await generateFrom(
      completion(
        {
          content: null,
          tool_calls: [
            { type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
          ],
        },
        { finishReason: 'tool_calls' },
      ),
    );
    const call = result.content.find(part => part.type === 'tool-call');
    expect(call?.type === 'tool-call' && call.toolCallId.length > 0).toBe(true);
    expect(call).toMatchObject({ toolName: 'weather', input: '{"city":"Oslo"}' });
  });

  it('returns no warnings for a plain call', async () => {
    const result = await generateFrom(completion({ content: 'Hi' }));
    expect(result.warnings).toEqual([]);
  });
});

describe('finish reason', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['tool_calls', 'tool-calls'],
    ['content_filter', 'content-filter'],
  ])('maps %s to %s and keeps the raw value', async (raw, unified) => {
    const message =
      raw === 'tool_calls'
        ? { content: null, tool_calls: [weatherCall('call_1', 'Paris')] }
        : { content: 'x' };
    const result = await generateFrom(completion(message, { finishReason: raw }));
    expect(result.finishReason).toEqual({ unified, raw });
  });

  it('maps an unknown reason to other and keeps the raw value', async () => {
    const result = await generateFrom(
      completion({ content: 'x' }, { finishReason: 'eos_token_reached' }),
    );
    expect(result.finishReason).toEqual({ unified: 'other', raw: 'eos_token_reached' });
  });

  it('reports tool-calls when tool calls come with finish_reason stop', async () => {
    const result = await generateFrom(
      completion(
        { content: null, tool_calls: [weatherCall('call_1', 'Paris')] },
        { finishReason: 'stop' },
      ),
    );
    expect(result.finishReason).toEqual({ unified: 'tool-calls', raw: 'stop' });
  });

  it('reports tool-calls when tool calls come without a finish_reason', async () => {
    const result = await generateFrom(
      completion(
        { content: null, tool_calls: [weatherCall('call_1', 'Paris')] },
        { finishReason: null },
      ),
    );
    expect(result.finishReason.unified).toBe('tool-calls');
  });
});

describe('usage', () => {
  it('maps prompt and completion tokens and keeps the raw usage', async () => {
    const usage = { prompt_tokens: 25, completion_tokens: 50, total_tokens: 75 };
    const result = await generateFrom(completion({ content: 'x' }, { usage }));
    expect(result.usage.inputTokens.total).toBe(25);
    expect(result.usage.outputTokens.total).toBe(50);
    expect(result.usage.raw).toEqual(usage);
  });

  it('maps cached input tokens and reasoning tokens', async () => {
    const usage = {
      prompt_tokens: 100,
      completion_tokens: 60,
      total_tokens: 160,
      prompt_tokens_details: { cached_tokens: 30 },
      completion_tokens_details: { reasoning_tokens: 45 },
    };
    const result = await generateFrom(completion({ content: 'x' }, { usage }));
    expect(result.usage.inputTokens).toMatchObject({ total: 100, cacheRead: 30, noCache: 70 });
    expect(result.usage.outputTokens).toMatchObject({ total: 60, reasoning: 45, text: 15 });
    expect(result.usage.raw).toEqual(usage);
  });

  it('never reports negative text tokens when reasoning tokens exceed completion tokens', async () => {
    const usage = {
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 15,
      completion_tokens_details: { reasoning_tokens: 8 },
    };
    const result = await generateFrom(completion({ content: 'x' }, { usage }));
    const text = result.usage.outputTokens.text;
    expect(text === undefined || text >= 0).toBe(true);
  });

  it('reports undefined, never NaN or 0, when usage is missing', async () => {
    const result = await generateFrom(completion({ content: 'x' }, { usage: null }));
    expect(result.usage.inputTokens).toEqual({
      total: undefined,
      noCache: undefined,
      cacheRead: undefined,
      cacheWrite: undefined,
    });
    expect(result.usage.outputTokens).toEqual({
      total: undefined,
      text: undefined,
      reasoning: undefined,
    });
  });

  it('reports undefined for fields a partial usage object lacks', async () => {
    const result = await generateFrom(
      completion({ content: 'x' }, { usage: { prompt_tokens: 9 } }),
    );
    expect(result.usage.inputTokens.total).toBe(9);
    expect(result.usage.outputTokens.total).toBeUndefined();
    expect(Number.isNaN(result.usage.outputTokens.text)).toBe(false);
  });
});

describe('response metadata', () => {
  it('returns the response id, model and creation time', async () => {
    const result = await generateFrom(
      completion({ content: 'x' }, { id: 'chatcmpl-abc123', model: 'openai/gpt-oss-20b' }),
    );
    expect(result.response).toMatchObject({
      id: 'chatcmpl-abc123',
      modelId: 'openai/gpt-oss-20b',
      timestamp: new Date(1_764_000_000 * 1000),
    });
  });

  it('returns the response headers', async () => {
    const result = await generateFrom(completion({ content: 'x' }), {
      'x-request-id': 'req-42',
      'x-ratelimit-remaining': '7',
    });
    expect(result.response?.headers).toMatchObject({
      'x-request-id': 'req-42',
      'x-ratelimit-remaining': '7',
    });
  });

  it('accepts a body with extra and missing optional fields', async () => {
    const result = await generateFrom({
      choices: [
        {
          message: { content: 'minimal', extra_vendor_field: 1 },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      some_future_field: { nested: true },
    });
    expect(result.content).toEqual([{ type: 'text', text: 'minimal' }]);
    expect(result.finishReason.unified).toBe('stop');
  });
});
