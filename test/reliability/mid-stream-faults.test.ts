/*
 * Fault class: the stream goes wrong after the 200. W&B reports an error event, sends something
 * that is not an event, the connection breaks after N writes, the body ends without the model
 * finishing, or the server stalls. Each must surface as an error (or, for stalls, end at the
 * user's abort or timeout), with the text that did arrive kept, the server's response closed
 * afterwards, and no API key anywhere.
 */
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { generateText, jsonSchema, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  chunk,
  startFakeWandbServer,
  textStream,
  usageChunk,
  type FakeWandbServer,
  type ScriptedReply,
} from '../fake-wandb-server';
import {
  MODEL_ID,
  callOptions,
  errorFrom,
  finishOf,
  partsOf,
  providerFor,
  readStream,
} from '../helpers';
import { SECRET_KEY, expectNoSecret } from './no-secret';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const model = () => providerFor(server, { apiKey: SECRET_KEY })(MODEL_ID);

/** The first part of every faulty stream: some text that must survive the fault. */
const PARTIAL = [
  chunk({ role: 'assistant', content: '' }),
  chunk({ content: 'The answer' }),
  chunk({ content: ' is' }),
];
const PARTIAL_TEXT = 'The answer is';

const textOf = (parts: LanguageModelV4StreamPart[]) =>
  partsOf(parts, 'text-delta')
    .map(part => part.delta)
    .join('');

/** Every response the server began has been closed: nothing holds a socket. */
async function expectResponsesClosed(): Promise<void> {
  await vi.waitFor(() => expect(server.openResponses()).toBe(0));
}

/** Streams `reply` through doStream and checks what every fault must satisfy. */
async function streamFault(reply: ScriptedReply) {
  server.chat(reply);
  const { stream } = await model().doStream(callOptions());
  const { parts, thrown } = await readStream(stream);
  expect(thrown).toBeUndefined();
  const errors = partsOf(parts, 'error');
  expect(errors).toHaveLength(1);
  expect(finishOf(parts).finishReason.unified).toBe('error');
  expect(parts.at(-1)?.type).toBe('finish');
  expectNoSecret(parts, 'the stream parts');
  await expectResponsesClosed();
  return {
    parts,
    error: errors[0].error as {
      message: string;
      isRetryable?: boolean;
      code?: unknown;
      data?: unknown;
    },
  };
}

describe('W&B reports an error inside the stream', () => {
  const errorEvents: Array<{ name: string; event: unknown; says: string; retryable: boolean }> = [
    {
      name: '{"error":{message,type,code:500}}',
      event: {
        error: {
          message: 'The server had an error while processing your request',
          type: 'InternalServerError',
          code: 500,
        },
      },
      says: 'The server had an error while processing your request',
      retryable: true,
    },
    {
      name: '{"error":{message,code:"503"}} (code as a string)',
      event: { error: { message: 'The engine is currently overloaded', code: '503' } },
      says: 'The engine is currently overloaded',
      retryable: true,
    },
    {
      name: '{"error":{message,code:429}} about concurrency',
      event: { error: { message: 'Concurrency limit reached for requests', code: 429 } },
      says: 'Concurrency limit reached for requests',
      retryable: true,
    },
    {
      name: '{"error":{message,code:429}} about quota',
      event: { error: { message: 'You exceeded your current quota', code: 429 } },
      says: 'You exceeded your current quota',
      retryable: false,
    },
    {
      name: '{"error":{message,type:"BadRequestError",code:400}}',
      event: {
        error: {
          message: "This model's maximum context length is 8192 tokens",
          type: 'BadRequestError',
          code: 400,
        },
      },
      says: 'maximum context length is 8192 tokens',
      retryable: false,
    },
    {
      name: '{"error":"a string"} without a code',
      event: { error: 'upstream connection reset' },
      says: 'upstream connection reset',
      retryable: false,
    },
    {
      name: 'vLLM flat {"object":"error",message,code:503}',
      event: {
        object: 'error',
        message: 'Engine overloaded',
        type: 'ServiceUnavailableError',
        code: 503,
      },
      says: 'Engine overloaded',
      retryable: true,
    },
    {
      name: 'an `event: error` line with {message}',
      event: 'event: error\ndata: {"message":"generation aborted by the engine"}\n\n',
      says: 'generation aborted by the engine',
      retryable: false,
    },
    {
      name: 'an error that echoes the API key',
      event: { error: { message: `invalid token Bearer ${SECRET_KEY}`, code: 401 } },
      says: 'invalid token Bearer [REDACTED]',
      retryable: false,
    },
  ];

  it.each(errorEvents)(
    "$name → error part with W&B's words, text so far kept",
    async ({ event, says, retryable }) => {
      const { parts, error } = await streamFault({
        type: 'sse',
        events: [...PARTIAL, event, chunk({ content: ' lost' }), chunk({}, 'stop')],
      });
      expect(textOf(parts)).toBe(PARTIAL_TEXT);
      expect(error.message).toContain('W&B Inference reported an error mid-stream');
      expect(error.message).toContain(says);
      expect(error.isRetryable).toBe(retryable);
    },
  );

  it('through streamText: onError gets the error, the text so far is kept, finishReason is error', async () => {
    server.chat({
      type: 'sse',
      events: [...PARTIAL, { error: { message: 'engine died', code: 500 } }],
    });
    const errors: unknown[] = [];
    const result = streamText({
      model: model(),
      prompt: 'Hi',
      onError: ({ error }) => void errors.push(error),
    });
    let text = '';
    for await (const delta of result.textStream) text += delta;
    expect(text).toBe(PARTIAL_TEXT);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toContain('engine died');
    expect(await result.finishReason).toBe('error');
    expectNoSecret(errors[0]);
    await expectResponsesClosed();
  });
});

describe('W&B sends something that is not a valid event', () => {
  const malformed: Array<[string, string, RegExp]> = [
    ['broken JSON', 'data: {"choices":[{"delta":{"content":"x"\n\n', /not valid JSON: \{"choices"/],
    ['a bare number', 'data: 42\n\n', /the stream chunk should be an object, got a number/],
    ['an array', 'data: [1,2]\n\n', /the stream chunk should be an object, got an array/],
    [
      'HTML from a proxy in the middle of the stream',
      'data: <html>502 Bad Gateway</html>\n\n',
      /not valid JSON: <html>/,
    ],
  ];
  it.each(malformed)('%s → error part naming the problem', async (_name, event, says) => {
    const { parts, error } = await streamFault({
      type: 'sse',
      events: [...PARTIAL, event, chunk({}, 'stop')],
    });
    expect(textOf(parts)).toBe(PARTIAL_TEXT);
    expect(error.message).toMatch(says);
  });
});

describe('the connection breaks after N writes', () => {
  // role, 3 text chunks, stop, usage, [DONE]: 7 writes.
  const events = [...PARTIAL, chunk({ content: ' 42' }), chunk({}, 'stop'), usageChunk()];
  const received = [
    '',
    '',
    'The answer',
    'The answer is',
    'The answer is 42',
    'The answer is 42',
    'The answer is 42',
  ];

  it.each([1, 2, 3, 4, 5, 6])(
    'cut after %i writes → error part, retryable, the text that arrived kept',
    async writes => {
      // delayMs lets each write reach the client before the cut.
      const { parts, error } = await streamFault({
        type: 'sse',
        events,
        destroyAfter: writes,
        delayMs: 5,
      });
      expect(textOf(parts)).toBe(received[writes]);
      expect(error.message).toMatch(/connection to W&B Inference broke mid-stream/);
      expect(error.isRetryable).toBe(true);
    },
  );

  it('cut after the headers, before any event → doStream throws a retryable APICallError', async () => {
    server.chat({ type: 'sse', events, destroyAfter: 0 });
    const error = await errorFrom(async () => {
      const { stream } = await model().doStream(callOptions());
      const { thrown } = await readStream(stream);
      if (thrown !== undefined) throw thrown;
    });
    expect(error).toMatchObject({ name: 'AI_APICallError', isRetryable: true });
    expectNoSecret(error);
    await expectResponsesClosed();
  });
});

describe('the body ends without the model finishing', () => {
  it('no finish_reason and no [DONE] → error part, the text so far kept', async () => {
    const { parts, error } = await streamFault({ type: 'sse', events: PARTIAL, done: false });
    expect(textOf(parts)).toBe(PARTIAL_TEXT);
    expect(error.message).toMatch(/ended before the model finished/);
  });

  it('only the role chunk, then the end → error part', async () => {
    const { error } = await streamFault({ type: 'sse', events: [PARTIAL[0]], done: false });
    expect(error.message).toMatch(/ended before the model finished/);
  });

  it('an empty body → error part', async () => {
    const { parts } = await streamFault({ type: 'sse', events: [], done: false });
    expect(textOf(parts)).toBe('');
  });

  /*
   * Decided: `[DONE]` is the server's explicit end of the stream, so it is not reported as a cut.
   * But without a finish_reason nobody said the answer is complete, so the finish is
   * `interrupted` (raw undefined), never `stop`: a caller that accepts only `stop` sees the difference.
   */
  it('[DONE] without any finish_reason → no error part, finish reason interrupted (not stop)', async () => {
    server.chat({ type: 'sse', events: PARTIAL });
    const { stream } = await model().doStream(callOptions());
    const { parts, thrown } = await readStream(stream);
    expect(thrown).toBeUndefined();
    expect(partsOf(parts, 'error')).toEqual([]);
    expect(textOf(parts)).toBe(PARTIAL_TEXT);
    expect(finishOf(parts).finishReason).toEqual({ unified: 'interrupted', raw: undefined });
    await expectResponsesClosed();
  });
});

/** A response that sends `events` and then nothing, never ending (until the client leaves). */
function stallAfter(events: unknown[]): ScriptedReply {
  return {
    type: 'respond',
    respond: response => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.flushHeaders();
      for (const event of events) response.write(`data: ${JSON.stringify(event)}\n\n`);
    },
  };
}
const stallBeforeHeaders: ScriptedReply = { type: 'respond', respond: () => {} };

describe("the server stalls: the user's abort or timeout ends the call promptly and closes the socket", () => {
  it('after the headers, doStream with abortSignal → the read rejects with the abort', async () => {
    server.chat({ type: 'stall' });
    const controller = new AbortController();
    const { stream } = await model().doStream(callOptions({ abortSignal: controller.signal }));
    const reading = readStream(stream);
    controller.abort();
    const { parts, thrown } = await reading;
    expect(parts.map(part => part.type)).toEqual(['stream-start']);
    expect((thrown as Error).name).toBe('AbortError');
    expectNoSecret(thrown);
    await expectResponsesClosed();
  });

  it('before the headers, doStream with abortSignal → doStream rejects with the abort', async () => {
    server.chat(stallBeforeHeaders);
    const controller = new AbortController();
    const calling = errorFrom(() =>
      model().doStream(callOptions({ abortSignal: controller.signal })),
    );
    await vi.waitFor(() => expect(server.openResponses()).toBe(1));
    controller.abort();
    const aborted = await calling;
    expect((aborted as Error).name).toBe('AbortError');
    expectNoSecret(aborted);
    await expectResponsesClosed();
  });

  it('before the headers, generateText with abortSignal → rejects with the abort, no retry', async () => {
    server.chat(stallBeforeHeaders);
    const before = server.requests.length;
    const controller = new AbortController();
    const calling = errorFrom(() =>
      generateText({ model: model(), prompt: 'Hi', abortSignal: controller.signal }),
    );
    await vi.waitFor(() => expect(server.openResponses()).toBe(1));
    controller.abort();
    const aborted = await calling;
    expect((aborted as Error).name).toBe('AbortError');
    expectNoSecret(aborted);
    expect(server.requests.length - before).toBe(1);
    await expectResponsesClosed();
  });

  async function streamTextParts(options: Partial<Parameters<typeof streamText>[0]>) {
    const errors: unknown[] = [];
    const result = streamText({
      model: model(),
      prompt: 'Hi',
      onError: ({ error }) => void errors.push(error),
      ...options,
    } as Parameters<typeof streamText>[0]);
    const types: string[] = [];
    let text = '';
    for await (const part of result.fullStream) {
      types.push(part.type);
      if (part.type === 'text-delta') text += part.text;
    }
    return { types, text, errors };
  }

  it('after the headers, streamText with abortSignal → an abort part, the stream ends', async () => {
    server.chat({ type: 'stall' });
    const controller = new AbortController();
    const streaming = streamTextParts({ abortSignal: controller.signal });
    await vi.waitFor(() => expect(server.openResponses()).toBe(1));
    controller.abort();
    const { types, errors } = await streaming;
    expect(types.at(-1)).toBe('abort');
    expect(errors).toEqual([]);
    await expectResponsesClosed();
  });

  it('after the headers, streamText with timeout.firstChunkMs → an abort part, the stream ends', async () => {
    server.chat({ type: 'stall' });
    const { types } = await streamTextParts({ timeout: { firstChunkMs: 100 } });
    expect(types.at(-1)).toBe('abort');
    await expectResponsesClosed();
  });

  it.each([{ chunkMs: 100 }, { totalMs: 200 }])(
    'mid-stream, streamText with timeout %o → the text so far, then an abort part',
    async timeout => {
      server.chat(stallAfter(PARTIAL));
      const { types, text } = await streamTextParts({ timeout });
      expect(text).toBe(PARTIAL_TEXT);
      expect(types.at(-1)).toBe('abort');
      await expectResponsesClosed();
    },
  );

  it('mid-stream, the consumer cancels the stream → the socket is closed', async () => {
    server.chat(stallAfter(PARTIAL));
    const { stream } = await model().doStream(callOptions());
    const reader = stream.getReader();
    let text = '';
    while (text !== PARTIAL_TEXT) {
      const { value } = await reader.read();
      if (value?.type === 'text-delta') text += value.delta;
    }
    await reader.cancel();
    await expectResponsesClosed();
  });
});

describe('a fault in the middle of a tool call: the half-streamed call is never handed over', () => {
  const halfCall = [
    chunk({ role: 'assistant', content: '' }),
    chunk({
      tool_calls: [
        {
          index: 0,
          id: 'call_1',
          type: 'function',
          function: { name: 'transfer', arguments: '{"amount":' },
        },
      ],
    }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: '100' } }] }),
  ];
  const faults: Array<[string, ScriptedReply]> = [
    [
      'the connection breaks',
      {
        type: 'sse',
        events: [
          ...halfCall,
          chunk({ tool_calls: [{ index: 0, function: { arguments: '00}' } }] }),
        ],
        destroyAfter: 3,
        delayMs: 5,
      },
    ],
    [
      'an error event arrives',
      { type: 'sse', events: [...halfCall, { error: { message: 'engine died', code: 500 } }] },
    ],
    ['the body ends without finishing', { type: 'sse', events: halfCall, done: false }],
    [
      'a malformed event arrives',
      { type: 'sse', events: [...halfCall, 'data: {"choices":[{\n\n'] },
    ],
    // The arguments parse as JSON here, but only finish_reason says the call is complete.
    [
      'the connection breaks after arguments that parse',
      {
        type: 'sse',
        events: [
          ...halfCall,
          chunk({ tool_calls: [{ index: 0, function: { arguments: '}' } }] }),
          chunk({ content: 'x' }),
        ],
        destroyAfter: 4,
        delayMs: 5,
      },
    ],
  ];

  it.each(faults)('%s → no tool-call part, an error part instead', async (_name, reply) => {
    const { parts } = await streamFault(reply);
    expect(partsOf(parts, 'tool-call')).toEqual([]);
  });

  it.each(faults)('%s → through streamText, the tool never runs', async (_name, reply) => {
    server.chat(reply);
    const executed: unknown[] = [];
    const errors: unknown[] = [];
    const result = streamText({
      model: model(),
      prompt: 'Pay 1000',
      tools: {
        transfer: tool({
          inputSchema: jsonSchema<{ amount: number }>({
            type: 'object',
            properties: { amount: { type: 'number' } },
            required: ['amount'],
          }),
          execute: async input => {
            executed.push(input);
            return 'done';
          },
        }),
      },
      onError: ({ error }) => void errors.push(error),
    });
    for await (const _ of result.fullStream) {
      // drain
    }
    expect(executed).toEqual([]);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(await result.finishReason).toBe('error');
    await expectResponsesClosed();
  });
});

describe('control: a complete stream is not an error', () => {
  it('finish_reason stop, usage, [DONE] → finish stop, the response closed', async () => {
    server.chat({ type: 'sse', events: textStream('The answer', ' is 42') });
    const { stream } = await model().doStream(callOptions());
    const { parts, thrown } = await readStream(stream);
    expect(thrown).toBeUndefined();
    expect(partsOf(parts, 'error')).toEqual([]);
    expect(finishOf(parts).finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    await expectResponsesClosed();
  });
});
