import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chunk,
  startFakeWandbServer,
  textStream,
  usageChunk,
  type FakeWandbServer,
  type ScriptedReply,
} from '../../src/emulator/scripted-wandb-server';
import {
  MODEL_ID,
  callOptions,
  describeError,
  finishOf,
  partsOf,
  providerFor,
  readParts,
  readStream,
  toolDelta,
  typesOf,
  weatherTool,
} from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(async () => {
  await server.close();
});

/** Streams `events` through the provider and reads every part. */
async function streamEvents(
  events: unknown[],
  reply: Partial<Extract<ScriptedReply, { type: 'sse' }>> = {},
) {
  server.chat({ type: 'sse', events, ...reply });
  const { stream } = await providerFor(server)(MODEL_ID).doStream(
    callOptions({ tools: [weatherTool] }),
  );
  return readStream(stream);
}

/** Concatenated deltas of one kind. */
function joined(
  parts: LanguageModelV4StreamPart[],
  type: 'text-delta' | 'reasoning-delta' | 'tool-input-delta',
  id?: string,
) {
  return parts
    .filter(part => part.type === type && (id == null || part.id === id))
    .map(part => (part as { delta: string }).delta)
    .join('');
}

describe('text', () => {
  it('emits stream-start, response-metadata, text-start/delta/end and finish in order', async () => {
    const { parts, thrown } = await streamEvents(textStream('Hello', ', ', 'world'));
    expect(thrown).toBeUndefined();
    expect(typesOf(parts)).toEqual([
      'stream-start',
      'response-metadata',
      'text-start',
      'text-delta',
      'text-delta',
      'text-delta',
      'text-end',
      'finish',
    ]);
    expect(joined(parts, 'text-delta')).toBe('Hello, world');
  });

  it('uses one id for the start, deltas and end of a text block', async () => {
    const { parts } = await streamEvents(textStream('a', 'b'));
    const ids = new Set(
      parts.filter(part => part.type.startsWith('text-')).map(part => (part as { id: string }).id),
    );
    expect(ids.size).toBe(1);
  });

  it('reports the response id, model and timestamp', async () => {
    const { parts } = await streamEvents(textStream('x'));
    expect(partsOf(parts, 'response-metadata')[0]).toMatchObject({
      id: 'chatcmpl-test',
      modelId: 'openai/gpt-oss-120b',
      timestamp: new Date(1_764_000_000 * 1000),
    });
  });

  it('finishes with stop and the usage of the trailing choices: [] chunk', async () => {
    const { parts } = await streamEvents(textStream('x'));
    const finish = finishOf(parts);
    expect(finish.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(finish.usage.inputTokens.total).toBe(12);
    expect(finish.usage.outputTokens.total).toBe(5);
    expect(finish.usage.raw).toEqual({ prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 });
  });

  it('skips empty content deltas without opening an empty text block', async () => {
    const { parts } = await streamEvents([
      chunk({ role: 'assistant', content: '' }),
      chunk({ content: null }),
      chunk({}, 'stop'),
    ]);
    expect(partsOf(parts, 'text-start')).toHaveLength(0);
    expect(finishOf(parts).finishReason.unified).toBe('stop');
  });

  it('returns the response headers', async () => {
    server.chat({
      type: 'sse',
      events: textStream('x'),
      headers: { 'x-request-id': 'req-stream' },
    });
    const result = await providerFor(server)(MODEL_ID).doStream(callOptions());
    await readParts(result.stream);
    expect(result.response?.headers).toMatchObject({ 'x-request-id': 'req-stream' });
  });

  it('accepts SSE comments, CRLF line endings and split writes', async () => {
    const { parts, thrown } = await streamEvents([
      ': keep-alive\n\n',
      `data: ${JSON.stringify(chunk({ content: 'He' }))}\r\n\r\n`,
      `data: ${JSON.stringify(chunk({ content: 'llo' })).slice(0, 20)}`,
      `${JSON.stringify(chunk({ content: 'llo' })).slice(20)}\n\n`,
      chunk({}, 'stop'),
    ]);
    expect(thrown).toBeUndefined();
    expect(joined(parts, 'text-delta')).toBe('Hello');
    expect(partsOf(parts, 'error')).toEqual([]);
  });
});

describe('raw chunks', () => {
  it('emits each parsed chunk as a raw part when includeRawChunks is set', async () => {
    const events = textStream('Hi');
    server.chat({ type: 'sse', events });
    const { stream } = await providerFor(server)(MODEL_ID).doStream(
      callOptions({ includeRawChunks: true }),
    );
    const parts = await readParts(stream);
    expect(partsOf(parts, 'raw').map(part => part.rawValue)).toEqual(events);
  });

  it('emits no raw parts by default', async () => {
    const { parts } = await streamEvents(textStream('Hi'));
    expect(partsOf(parts, 'raw')).toEqual([]);
  });
});

describe('reasoning', () => {
  it.each(['reasoning', 'reasoning_content'])(
    'streams %s deltas and ends reasoning before text starts',
    async field => {
      const { parts } = await streamEvents([
        chunk({ role: 'assistant', content: '' }),
        chunk({ [field]: 'Let me ' }),
        chunk({ [field]: 'think.' }),
        chunk({ content: 'Answer' }),
        chunk({}, 'stop'),
        usageChunk(),
      ]);
      const types = typesOf(parts);
      expect(types.filter(type => type.startsWith('reasoning') || type.startsWith('text'))).toEqual(
        [
          'reasoning-start',
          'reasoning-delta',
          'reasoning-delta',
          'reasoning-end',
          'text-start',
          'text-delta',
          'text-end',
        ],
      );
      expect(joined(parts, 'reasoning-delta')).toBe('Let me think.');
      expect(joined(parts, 'text-delta')).toBe('Answer');
    },
  );

  it('ends reasoning before a tool input starts', async () => {
    const { parts } = await streamEvents([
      chunk({ reasoning: 'Need the weather.' }),
      toolDelta({
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Paris"}' },
      }),
      chunk({}, 'tool_calls'),
    ]);
    const types = typesOf(parts);
    expect(types.indexOf('reasoning-end')).toBeGreaterThan(-1);
    expect(types.indexOf('reasoning-end')).toBeLessThan(types.indexOf('tool-input-start'));
  });

  it('ignores null and empty reasoning deltas', async () => {
    const { parts } = await streamEvents([
      chunk({ reasoning: null, content: 'A' }),
      chunk({ reasoning: '', content: 'B' }),
      chunk({}, 'stop'),
    ]);
    expect(partsOf(parts, 'reasoning-start')).toHaveLength(0);
    expect(joined(parts, 'text-delta')).toBe('AB');
  });
});

describe('tool calls', () => {
  it('emits tool-input-start/delta/end, then tool-call, then finish with tool-calls', async () => {
    const { parts } = await streamEvents([
      chunk({ role: 'assistant', content: null }),
      toolDelta({
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'weather', arguments: '' },
      }),
      toolDelta({ index: 0, function: { arguments: '{"city":' } }),
      toolDelta({ index: 0, function: { arguments: '"Paris"}' } }),
      chunk({}, 'tool_calls'),
      usageChunk(),
    ]);
    expect(typesOf(parts).filter(type => type.startsWith('tool'))).toEqual([
      'tool-input-start',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
    ]);
    expect(partsOf(parts, 'tool-input-start')[0]).toMatchObject({
      id: 'call_1',
      toolName: 'weather',
    });
    expect(joined(parts, 'tool-input-delta', 'call_1')).toBe('{"city":"Paris"}');
    expect(partsOf(parts, 'tool-input-end')[0]).toMatchObject({ id: 'call_1' });
    expect(partsOf(parts, 'tool-call')).toEqual([
      expect.objectContaining({
        type: 'tool-call',
        toolCallId: 'call_1',
        toolName: 'weather',
        input: '{"city":"Paris"}',
      }),
    ]);
    const types = typesOf(parts);
    expect(types.indexOf('tool-call')).toBeLessThan(types.indexOf('finish'));
    expect(finishOf(parts).finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
  });

  it('correlates deltas by index when only the first carries the id', async () => {
    const { parts } = await streamEvents([
      toolDelta({
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'weather', arguments: '{"ci' },
      }),
      toolDelta({ index: 0, function: { arguments: 'ty":"Os' } }),
      toolDelta({ index: 0, function: { arguments: 'lo"}' } }),
      chunk({}, 'tool_calls'),
    ]);
    expect(partsOf(parts, 'tool-call')).toEqual([
      expect.objectContaining({
        toolCallId: 'call_1',
        toolName: 'weather',
        input: '{"city":"Oslo"}',
      }),
    ]);
  });

  it('waits for a name that arrives in a later delta', async () => {
    const { parts } = await streamEvents([
      toolDelta({ index: 0, id: 'call_1', type: 'function', function: { arguments: '{"city":' } }),
      toolDelta({ index: 0, function: { name: 'weather', arguments: '"Lima"}' } }),
      chunk({}, 'tool_calls'),
    ]);
    expect(partsOf(parts, 'error')).toEqual([]);
    expect(partsOf(parts, 'tool-input-start')[0]).toMatchObject({ toolName: 'weather' });
    expect(partsOf(parts, 'tool-call')).toEqual([
      expect.objectContaining({ toolName: 'weather', input: '{"city":"Lima"}' }),
    ]);
    const startId = partsOf(parts, 'tool-input-start')[0].id;
    expect(joined(parts, 'tool-input-delta', startId)).toBe('{"city":"Lima"}');
  });

  it('handles 1-based indexes', async () => {
    const { parts } = await streamEvents([
      toolDelta({
        index: 1,
        id: 'call_a',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Paris"}' },
      }),
      toolDelta({
        index: 2,
        id: 'call_b',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Rome"}' },
      }),
      chunk({}, 'tool_calls'),
    ]);
    expect(partsOf(parts, 'tool-call').map(call => [call.toolCallId, call.input])).toEqual([
      ['call_a', '{"city":"Paris"}'],
      ['call_b', '{"city":"Rome"}'],
    ]);
  });

  it('handles deltas without any index', async () => {
    const { parts } = await streamEvents([
      toolDelta({
        id: 'call_1',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":' },
      }),
      toolDelta({ function: { arguments: '"Kyiv"}' } }),
      chunk({}, 'tool_calls'),
    ]);
    expect(partsOf(parts, 'tool-call')).toEqual([
      expect.objectContaining({
        toolCallId: 'call_1',
        toolName: 'weather',
        input: '{"city":"Kyiv"}',
      }),
    ]);
  });

  it('keeps several interleaved calls apart', async () => {
    const { parts } = await streamEvents([
      toolDelta(
        {
          index: 0,
          id: 'call_a',
          type: 'function',
          function: { name: 'weather', arguments: '{"city":' },
        },
        {
          index: 1,
          id: 'call_b',
          type: 'function',
          function: { name: 'weather', arguments: '{"city":' },
        },
      ),
      toolDelta({ index: 1, function: { arguments: '"Rome"}' } }),
      toolDelta({ index: 0, function: { arguments: '"Paris"}' } }),
      chunk({}, 'tool_calls'),
    ]);
    const calls = partsOf(parts, 'tool-call');
    expect(calls).toHaveLength(2);
    expect(Object.fromEntries(calls.map(call => [call.toolCallId, call.input]))).toEqual({
      call_a: '{"city":"Paris"}',
      call_b: '{"city":"Rome"}',
    });
    expect(joined(parts, 'tool-input-delta', 'call_a')).toBe('{"city":"Paris"}');
    expect(joined(parts, 'tool-input-delta', 'call_b')).toBe('{"city":"Rome"}');
  });

  it('emits a call with empty arguments (a parameterless tool)', async () => {
    const { parts } = await streamEvents([
      toolDelta({
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'get_time', arguments: '' },
      }),
      chunk({}, 'tool_calls'),
    ]);
    const calls = partsOf(parts, 'tool-call');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ toolCallId: 'call_1', toolName: 'get_time' });
    expect(['', '{}']).toContain(calls[0].input);
  });

  it('finalizes calls only when the stream says they are complete, not when their arguments parse', async () => {
    const { parts } = await streamEvents(
      [
        toolDelta({
          index: 0,
          id: 'call_a',
          type: 'function',
          function: { name: 'weather', arguments: '{"city":"Paris"}' },
        }),
        toolDelta({
          index: 1,
          id: 'call_b',
          type: 'function',
          function: { name: 'weather', arguments: '{"city":"Rome"}' },
        }),
        chunk({ content: '' }),
        chunk({}, 'tool_calls'),
      ],
      { delayMs: 5 },
    );
    const types = typesOf(parts);
    const firstToolCall = types.indexOf('tool-call');
    const lastInput = Math.max(
      types.lastIndexOf('tool-input-start'),
      types.lastIndexOf('tool-input-delta'),
    );
    expect(firstToolCall).toBeGreaterThan(lastInput);
    expect(partsOf(parts, 'tool-call').map(call => call.toolCallId)).toEqual(['call_a', 'call_b']);
  });

  it('reports tool-calls when calls arrive with finish_reason stop', async () => {
    const { parts } = await streamEvents([
      toolDelta({
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Paris"}' },
      }),
      chunk({}, 'stop'),
    ]);
    expect(finishOf(parts).finishReason).toEqual({ unified: 'tool-calls', raw: 'stop' });
  });

  it('reports tool-calls when calls end with [DONE] but no finish_reason', async () => {
    const { parts } = await streamEvents([
      toolDelta({
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Paris"}' },
      }),
    ]);
    expect(partsOf(parts, 'tool-call')).toHaveLength(1);
    expect(finishOf(parts).finishReason.unified).toBe('tool-calls');
  });

  it('closes text before a tool input starts', async () => {
    const { parts } = await streamEvents([
      chunk({ content: 'Let me check.' }),
      toolDelta({
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Paris"}' },
      }),
      chunk({}, 'tool_calls'),
    ]);
    const types = typesOf(parts);
    expect(types.indexOf('text-end')).toBeGreaterThan(-1);
    expect(types.indexOf('text-end')).toBeLessThan(types.indexOf('tool-input-start'));
  });
});

describe('usage', () => {
  it('maps cached and reasoning tokens from the trailing usage chunk', async () => {
    const usage = {
      prompt_tokens: 100,
      completion_tokens: 60,
      total_tokens: 160,
      prompt_tokens_details: { cached_tokens: 30 },
      completion_tokens_details: { reasoning_tokens: 45 },
    };
    const { parts } = await streamEvents([
      chunk({ content: 'x' }),
      chunk({}, 'stop'),
      usageChunk(usage),
    ]);
    const finish = finishOf(parts);
    expect(finish.usage.inputTokens).toMatchObject({ total: 100, cacheRead: 30, noCache: 70 });
    expect(finish.usage.outputTokens).toMatchObject({ total: 60, reasoning: 45, text: 15 });
    expect(finish.usage.raw).toEqual(usage);
  });

  it('takes usage carried on the finish chunk itself', async () => {
    const finishWithUsage = {
      ...chunk({}, 'stop'),
      usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
    };
    const { parts } = await streamEvents([chunk({ content: 'x' }), finishWithUsage]);
    expect(finishOf(parts).usage.inputTokens.total).toBe(3);
    expect(finishOf(parts).usage.outputTokens.total).toBe(4);
  });

  it('reports undefined usage, never NaN or 0, when the stream has none', async () => {
    const { parts } = await streamEvents([chunk({ content: 'x' }), chunk({}, 'stop')]);
    const { usage } = finishOf(parts);
    expect(usage.inputTokens).toEqual({
      total: undefined,
      noCache: undefined,
      cacheRead: undefined,
      cacheWrite: undefined,
    });
    expect(usage.outputTokens).toEqual({ total: undefined, text: undefined, reasoning: undefined });
  });
});

describe('failures inside the stream', () => {
  it('turns a mid-stream {"error": ...} chunk into an error part and finish reason error', async () => {
    const { parts, thrown } = await streamEvents([
      chunk({ content: 'Hel' }),
      {
        error: {
          message: 'The engine is currently overloaded, please try again later',
          type: 'server_error',
          code: 503,
        },
      },
    ]);
    expect(thrown).toBeUndefined();
    const errors = partsOf(parts, 'error');
    expect(errors).toHaveLength(1);
    expect(describeError(errors[0].error)).toContain('The engine is currently overloaded');
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it("turns vLLM's flat {object: 'error'} event into an error part, even when [DONE] follows", async () => {
    const { parts, thrown } = await streamEvents([
      chunk({ content: 'Hel' }),
      { object: 'error', message: 'Engine overloaded', type: 'server_error', code: 503 },
    ]);
    expect(thrown).toBeUndefined();
    expect(describeError(partsOf(parts, 'error')[0]?.error)).toContain('Engine overloaded');
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('turns a malformed chunk into an error part and finish reason error', async () => {
    const { parts, thrown } = await streamEvents([
      chunk({ content: 'Hel' }),
      'data: {"id":"chatcmpl-test","choices":[{"delta":\n\n',
      chunk({}, 'stop'),
    ]);
    expect(thrown).toBeUndefined();
    expect(partsOf(parts, 'error').length).toBeGreaterThan(0);
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('turns a stream that ends without finish_reason and without [DONE] into an error part', async () => {
    const { parts, thrown } = await streamEvents(
      [chunk({ role: 'assistant', content: '' }), chunk({ content: 'Partial ans' })],
      {
        done: false,
      },
    );
    expect(thrown).toBeUndefined();
    expect(joined(parts, 'text-delta')).toBe('Partial ans');
    expect(partsOf(parts, 'error').length).toBeGreaterThan(0);
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('turns a connection cut mid-stream into an error part instead of a throw', async () => {
    const { parts, thrown } = await streamEvents(
      [chunk({ content: 'Hel' }), chunk({ content: 'lo' }), chunk({}, 'stop')],
      {
        destroyAfter: 2,
        delayMs: 5,
      },
    );
    expect(thrown).toBeUndefined();
    expect(partsOf(parts, 'error').length).toBeGreaterThan(0);
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });
});

describe('abort', () => {
  /** Resolves with `what` or rejects after `ms`, so a hang fails fast with a clear message. */
  function within<T>(ms: number, what: Promise<T>): Promise<T> {
    return Promise.race([
      what,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms),
      ),
    ]);
  }

  it('ends a stalled stream promptly when abortSignal fires', async () => {
    server.chat({ type: 'stall' });
    const controller = new AbortController();
    const options: LanguageModelV4CallOptions = callOptions({ abortSignal: controller.signal });
    const { stream } = await providerFor(server)(MODEL_ID).doStream(options);
    const reading = readStream(stream);
    setTimeout(() => controller.abort(), 50);
    const { parts, thrown } = await within(3000, reading);
    const ended =
      thrown !== undefined ||
      partsOf(parts, 'error').length > 0 ||
      partsOf(parts, 'finish').length > 0;
    expect(ended).toBe(true);
    expect(partsOf(parts, 'text-delta')).toEqual([]);
  });

  it('stops a running stream between chunks when abortSignal fires', async () => {
    server.chat({
      type: 'sse',
      events: textStream(...Array.from({ length: 200 }, (_, index) => `t${index} `)),
      delayMs: 20,
    });
    const controller = new AbortController();
    const { stream } = await providerFor(server)(MODEL_ID).doStream(
      callOptions({ abortSignal: controller.signal }),
    );
    const reading = readStream(stream);
    setTimeout(() => controller.abort(), 100);
    const { parts } = await within(3000, reading);
    expect(partsOf(parts, 'text-delta').length).toBeLessThan(200);
  });

  it('rejects doGenerate promptly when abortSignal fires', async () => {
    server.chat({ type: 'stall' });
    const controller = new AbortController();
    const generating = Promise.resolve(
      providerFor(server)(MODEL_ID).doGenerate(callOptions({ abortSignal: controller.signal })),
    );
    setTimeout(() => controller.abort(), 50);
    const error = await within(
      3000,
      generating.then(
        () => undefined,
        (reason: unknown) => reason,
      ),
    );
    expect(error).toBeDefined();
    expect((error as Error).name).toMatch(/Abort/);
  });
});
