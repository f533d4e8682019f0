/*
 * Fault class: answers that break the wire format. A 200 whose body is not a chat completion, or
 * a stream chunk with a missing or ill-typed field, is an InvalidResponseDataError (generate) or
 * an `error` part (stream) naming the field, never a TypeError from deep inside. Every body also
 * echoes the API key, which must not come back in the error.
 */
import { InvalidResponseDataError } from '@ai-sdk/provider';
import { generateText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chunk,
  completion,
  startFakeWandbServer,
  type FakeWandbServer,
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
const ECHO = `Bearer ${SECRET_KEY}`;

/** A valid completion with `patch` applied to it, plus an echo of the key. */
function completionWith(patch: (body: Record<string, any>) => void): Record<string, any> {
  const body: Record<string, any> = { ...completion({ content: 'hi' }), echo: ECHO };
  patch(body);
  return body;
}

describe('doGenerate: a 200 that is not a chat completion → InvalidResponseDataError naming the field', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    [
      'choices missing',
      completionWith(body => delete body.choices),
      /choices should be an array, got undefined/,
    ],
    [
      'choices null',
      completionWith(body => (body.choices = null)),
      /choices should be an array, got null/,
    ],
    [
      'choices an object',
      completionWith(body => (body.choices = { 0: {} })),
      /choices should be an array, got an object/,
    ],
    [
      'choices empty',
      completionWith(body => (body.choices = [])),
      /choices should be a non-empty array/,
    ],
    [
      'choices[0] null',
      completionWith(body => (body.choices = [null])),
      /choices\[0\] should be an object, got null/,
    ],
    [
      'choices[0] a string',
      completionWith(body => (body.choices = [ECHO])),
      /choices\[0\] should be an object, got a string/,
    ],
    [
      'message missing',
      completionWith(body => delete body.choices[0].message),
      /choices\[0\]\.message should be an object/,
    ],
    [
      'message a string',
      completionWith(body => (body.choices[0].message = ECHO)),
      /choices\[0\]\.message should be an object, got a string/,
    ],
    [
      'content a number',
      completionWith(body => (body.choices[0].message.content = 42)),
      /choices\[0\]\.message\.content should be a string, got a number/,
    ],
    [
      'content an array',
      completionWith(body => (body.choices[0].message.content = [{ type: 'text', text: ECHO }])),
      /message\.content should be a string, got an array/,
    ],
    [
      'reasoning a number',
      completionWith(body => (body.choices[0].message.reasoning = 1)),
      /message\.reasoning should be a string/,
    ],
    [
      'tool_calls an object',
      completionWith(body => (body.choices[0].message.tool_calls = { id: 'x' })),
      /message\.tool_calls should be an array/,
    ],
    [
      'tool_calls[0] null',
      completionWith(body => (body.choices[0].message.tool_calls = [null])),
      /tool_calls\[0\] should be an object/,
    ],
    [
      'tool call without function',
      completionWith(
        body => (body.choices[0].message.tool_calls = [{ id: 'c1', type: 'function' }]),
      ),
      /tool_calls\[0\]\.function should be an object/,
    ],
    [
      'tool call name a number',
      completionWith(
        body =>
          (body.choices[0].message.tool_calls = [
            { id: 'c1', function: { name: 7, arguments: '{}' } },
          ]),
      ),
      /tool_calls\[0\]\.function\.name should be a string/,
    ],
    [
      'tool call name empty',
      completionWith(
        body =>
          (body.choices[0].message.tool_calls = [
            { id: 'c1', function: { name: '', arguments: '{}' } },
          ]),
      ),
      /tool_calls\[0\]\.function\.name should be a non-empty string/,
    ],
    [
      'tool call arguments a number',
      completionWith(
        body =>
          (body.choices[0].message.tool_calls = [
            { id: 'c1', function: { name: 'f', arguments: 7 } },
          ]),
      ),
      /function\.arguments should be a string, got a number/,
    ],
    [
      'tool call id a number',
      completionWith(
        body =>
          (body.choices[0].message.tool_calls = [
            { id: 7, function: { name: 'f', arguments: '{}' } },
          ]),
      ),
      /tool_calls\[0\]\.id should be a string/,
    ],
    [
      'finish_reason a number',
      completionWith(body => (body.choices[0].finish_reason = 1)),
      /choices\[0\]\.finish_reason should be a string, got a number/,
    ],
    [
      'id a number',
      completionWith(body => (body.id = 12)),
      /\bid should be a string, got a number/,
    ],
    [
      'model an object',
      completionWith(body => (body.model = { name: 'x' })),
      /\bmodel should be a string, got an object/,
    ],
    ['the body an array', [ECHO], /the response body should be an object, got an array/],
    ['the body null', null, /the response body should be an object, got null/],
    ['the body a number', 42, /the response body should be an object, got a number/],
    ['the body a JSON string', ECHO, /the response body should be an object, got a string/],
  ];

  it.each(cases)('%s', async (_name, body, says) => {
    server.chat({ type: 'json', body });
    const error = await errorFrom(() => model().doGenerate(callOptions()));
    expect(InvalidResponseDataError.isInstance(error), String(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Invalid W&B response: /);
    expect((error as Error).message).toMatch(says);
    expectNoSecret(error);
  });

  const notJson: Array<[string, string]> = [
    ['plain text', `upstream said: ${ECHO}`],
    ['an HTML page from a proxy', `<html><body>Logged in as ${ECHO}</body></html>`],
    ['an empty body', ''],
    ['JSON cut short', `{"id":"x","echo":"${ECHO}","choices":[{"index":0,"mess`],
    [
      'an event stream (a server that ignores stream: false)',
      `data: {"choices":[{"index":0,"delta":{"content":"${ECHO}"}}]}\n\ndata: [DONE]\n\n`,
    ],
  ];
  it.each(notJson)(
    '%s → InvalidResponseDataError saying the body is not JSON',
    async (_name, body) => {
      server.chat({ type: 'text', status: 200, body });
      const error = await errorFrom(() => model().doGenerate(callOptions()));
      expect(InvalidResponseDataError.isInstance(error), String(error)).toBe(true);
      expect((error as Error).message).toMatch(/the body is not JSON/);
      expectNoSecret(error);
    },
  );

  it('through generateText (retries on): the same error, one request', async () => {
    server.chat({ type: 'json', body: completionWith(body => delete body.choices) });
    const before = server.requests.length;
    const error = await errorFrom(() => generateText({ model: model(), prompt: 'Hi' }));
    expect(InvalidResponseDataError.isInstance(error)).toBe(true);
    expect(server.requests.length - before).toBe(1);
    expectNoSecret(error);
  });

  it('control: lenient about what is not read (unknown fields, odd usage)', async () => {
    server.chat({
      type: 'json',
      body: completionWith(body => {
        body.usage = { prompt_tokens: 'twelve', completion_tokens: -1, total_tokens: null };
        body.system_fingerprint = 7;
        body.choices[0].logprobs = 'n/a';
      }),
    });
    const result = await model().doGenerate(callOptions());
    expect(result.content).toEqual([{ type: 'text', text: 'hi' }]);
    expect(result.usage.inputTokens.total).toBeUndefined();
  });
});

describe('doStream: a chunk that breaks the wire format → error part naming the field', () => {
  const good = chunk({ content: 'kept' });
  const withDelta = (delta: unknown) => ({
    ...chunk({}),
    echo: ECHO,
    choices: [{ index: 0, delta, finish_reason: null }],
  });
  const cases: Array<[string, unknown, RegExp]> = [
    [
      'choices an object',
      { ...chunk({}), choices: { 0: { delta: {} } }, echo: ECHO },
      /choices should be an array, got an object/,
    ],
    [
      'choices[0] null',
      { ...chunk({}), choices: [null], echo: ECHO },
      /choices\[0\] should be an object, got null/,
    ],
    ['delta a string', withDelta(ECHO), /choices\[0\]\.delta should be an object, got a string/],
    [
      'content a number',
      withDelta({ content: 42 }),
      /choices\[0\]\.delta\.content should be a string, got a number/,
    ],
    [
      'content an object',
      withDelta({ content: { text: ECHO } }),
      /delta\.content should be a string, got an object/,
    ],
    [
      'reasoning_content a number',
      withDelta({ reasoning_content: 3 }),
      /delta\.reasoning_content should be a string/,
    ],
    [
      'tool_calls an object',
      withDelta({ tool_calls: { index: 0 } }),
      /delta\.tool_calls should be an array, got an object/,
    ],
    [
      'tool_calls[0] a string',
      withDelta({ tool_calls: [ECHO] }),
      /delta\.tool_calls\[0\] should be an object, got a string/,
    ],
    [
      'tool call function a string',
      withDelta({ tool_calls: [{ index: 0, function: 'f' }] }),
      /tool_calls\[0\]\.function should be an object/,
    ],
    [
      'tool call name a number',
      withDelta({ tool_calls: [{ index: 0, id: 'c', function: { name: 5 } }] }),
      /tool_calls\[0\]\.function\.name should be a string/,
    ],
    [
      'tool call arguments a number',
      withDelta({ tool_calls: [{ index: 0, id: 'c', function: { name: 'f', arguments: 5 } }] }),
      /function\.arguments should be a string/,
    ],
    [
      'finish_reason a number',
      { ...chunk({}), echo: ECHO, choices: [{ index: 0, delta: {}, finish_reason: 0 }] },
      /choices\[0\]\.finish_reason should be a string, got a number/,
    ],
    [
      'id an object',
      { ...chunk({}), id: { echo: ECHO } },
      /\bid should be a string, got an object/,
    ],
  ];

  it.each(cases)('%s', async (_name, badChunk, says) => {
    server.chat({
      type: 'sse',
      events: [good, badChunk, chunk({ content: ' lost' }), chunk({}, 'stop')],
    });
    const { stream } = await model().doStream(callOptions());
    const { parts, thrown } = await readStream(stream);
    expect(thrown).toBeUndefined();
    expect(
      partsOf(parts, 'text-delta')
        .map(part => part.delta)
        .join(''),
    ).toBe('kept');
    const errors = partsOf(parts, 'error');
    expect(errors).toHaveLength(1);
    expect((errors[0].error as Error).message).toMatch(says);
    expect(finishOf(parts).finishReason.unified).toBe('error');
    expectNoSecret(parts, 'the stream parts');
  });

  it('a JSON completion instead of an event stream (a proxy that ignores stream: true) → a clear error, not "ended early"', async () => {
    server.chat({ type: 'json', body: completionWith(() => {}) });
    const outcome = await errorFrom(async () => {
      const { stream } = await model().doStream(callOptions());
      const { parts, thrown } = await readStream(stream);
      if (thrown !== undefined) throw thrown;
      const error = partsOf(parts, 'error')[0]?.error;
      if (error !== undefined) throw error;
    });
    expect((outcome as Error).message).toMatch(/application\/json/);
    expect((outcome as Error).message).toMatch(/not an event stream/);
    expectNoSecret(outcome);
  });
});

describe('listModels: a 200 that is not a model list → InvalidResponseDataError naming the field', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['data missing', { object: 'list', echo: ECHO }, /data should be an array, got undefined/],
    ['data a string', { object: 'list', data: ECHO }, /data should be an array, got a string/],
    [
      'an entry without id',
      { object: 'list', data: [{ object: 'model', owned_by: ECHO }] },
      /data\[0\]\.id should be a non-empty string, got undefined/,
    ],
    [
      'an entry that is a string',
      { object: 'list', data: ['openai/gpt-oss-120b', ECHO] },
      /data\[0\]\.id should be a non-empty string/,
    ],
    [
      'an id that is a number',
      { object: 'list', data: [{ id: 7, echo: ECHO }] },
      /data\[0\]\.id should be a non-empty string, got a number/,
    ],
    ['the body an array', [ECHO], /data should be an array/],
    ['a body that is not JSON', `<html>${ECHO}</html>`, /the body is not JSON/],
  ];
  it.each(cases)('%s', async (_name, body, says) => {
    server.models(
      typeof body === 'string' ? { type: 'text', status: 200, body } : { type: 'json', body },
    );
    const error = await errorFrom(() => providerFor(server, { apiKey: SECRET_KEY }).listModels());
    expect(InvalidResponseDataError.isInstance(error), String(error)).toBe(true);
    expect((error as Error).message).toMatch(says);
    expectNoSecret(error);
  });
});
