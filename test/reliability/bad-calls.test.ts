/*
 * Fault class: bad call input. Content W&B cannot take, malformed provider options and tool
 * definitions fail before any request with an AI SDK error that names what is wrong; huge
 * prompts are sent whole.
 */
import {
  InvalidArgumentError,
  UnsupportedFunctionalityError,
  type LanguageModelV4FunctionTool,
  type LanguageModelV4Prompt,
} from '@ai-sdk/provider';
import { generateText, jsonSchema, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completion,
  startFakeWandbServer,
  textStream,
  type FakeWandbServer,
} from '../fake-wandb-server';
import {
  MODEL_ID,
  callOptions,
  errorFrom,
  lastRequest,
  providerFor,
  readStream,
  weatherTool,
} from '../helpers';
import { SECRET_KEY, expectNoSecret } from './no-secret';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const model = () => providerFor(server, { apiKey: SECRET_KEY })(MODEL_ID);

/** Runs `call` and checks that it failed before sending anything. */
async function rejectedBeforeSending(call: () => unknown): Promise<unknown> {
  const before = server.requests.length;
  const error = await errorFrom(call);
  expect(server.requests.length, 'a request was sent').toBe(before);
  expect(error).not.toBeInstanceOf(TypeError);
  expectNoSecret(error);
  return error;
}

describe('content W&B cannot take → UnsupportedFunctionalityError naming the media type', () => {
  const bytes = new Uint8Array([1, 2, 3, 4]);
  const mediaTypes = [
    'audio/wav',
    'audio/mpeg',
    'application/pdf',
    'video/mp4',
    'application/zip',
    'application/octet-stream',
  ];

  const userFile = (mediaType: string): LanguageModelV4Prompt => [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is in this file?' },
        { type: 'file', mediaType, data: { type: 'data', data: bytes } },
      ],
    },
  ];
  const toolResultFile = (mediaType: string): LanguageModelV4Prompt => [
    { role: 'user', content: [{ type: 'text', text: 'Fetch it' }] },
    {
      role: 'assistant',
      content: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'fetch', input: '{}' }],
    },
    {
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: 'call_1',
          toolName: 'fetch',
          output: {
            type: 'content',
            value: [{ type: 'file', mediaType, data: { type: 'data', data: bytes } }],
          },
        },
      ],
    },
  ];
  const assistantFile = (mediaType: string): LanguageModelV4Prompt => [
    { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
    {
      role: 'assistant',
      content: [{ type: 'file', mediaType, data: { type: 'data', data: bytes } }],
    },
    { role: 'user', content: [{ type: 'text', text: 'And?' }] },
  ];

  const places: Array<[string, (mediaType: string) => LanguageModelV4Prompt]> = [
    ['a user message', userFile],
    ['a tool result', toolResultFile],
    ['an assistant message', assistantFile],
  ];
  const cases = places.flatMap(([place, prompt]) =>
    mediaTypes.map(mediaType => ({ place, prompt, mediaType })),
  );

  it.each(cases)(
    '$mediaType in $place (doGenerate and doStream)',
    async ({ prompt, mediaType }) => {
      for (const call of ['doGenerate', 'doStream'] as const) {
        const error = await rejectedBeforeSending(() =>
          model()[call](callOptions({ prompt: prompt(mediaType) })),
        );
        expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
        expect((error as Error).message).toContain(mediaType);
      }
    },
  );

  it('through generateText: a PDF → UnsupportedFunctionalityError naming application/pdf', async () => {
    const error = await rejectedBeforeSending(() =>
      generateText({
        model: model(),
        messages: [
          { role: 'user', content: [{ type: 'file', mediaType: 'application/pdf', data: bytes }] },
        ],
      }),
    );
    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('application/pdf');
  });
});

describe('providerOptions.wandb that is unknown or ill-typed → InvalidArgumentError naming the key', () => {
  const circular: Record<string, unknown> = { name: 'loop' };
  circular.self = circular;
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['an unknown key', 'providerOptions.wandb.enableThinkng', { enableThinkng: true }],
    ['a snake_case key', 'providerOptions.wandb.cache_salt', { cache_salt: 'x' }],
    [
      'enableThinking as a string',
      'providerOptions.wandb.enableThinking',
      { enableThinking: 'yes' },
    ],
    [
      'reasoningEffort as a number',
      'providerOptions.wandb.reasoningEffort',
      { reasoningEffort: 3 },
    ],
    ['reasoningEffort empty', 'providerOptions.wandb.reasoningEffort', { reasoningEffort: '' }],
    ['cacheSalt empty', 'providerOptions.wandb.cacheSalt', { cacheSalt: '' }],
    [
      'parallelToolCalls as a string',
      'providerOptions.wandb.parallelToolCalls',
      { parallelToolCalls: 'false' },
    ],
    ['logitBias out of range', 'providerOptions.wandb.logitBias.42', { logitBias: { '42': 500 } }],
    ['logitBias as an array', 'providerOptions.wandb.logitBias', { logitBias: [1, 2] }],
    ['user as a number', 'providerOptions.wandb.user', { user: 7 }],
    [
      'structuredOutputs as a string',
      'providerOptions.wandb.structuredOutputs',
      { structuredOutputs: 'true' },
    ],
    [
      'strictJsonSchema as a number',
      'providerOptions.wandb.strictJsonSchema',
      { strictJsonSchema: 1 },
    ],
    ['extraBody as a string', 'providerOptions.wandb.extraBody', { extraBody: 'top_k=40' }],
    [
      'extraBody with a BigInt',
      'providerOptions.wandb.extraBody.seed',
      { extraBody: { seed: 10n } },
    ],
    [
      'extraBody with a cycle',
      'providerOptions.wandb.extraBody.meta',
      { extraBody: { meta: circular } },
    ],
  ];

  it.each(cases)('%s → names %s', async (_name, argument, wandb) => {
    for (const call of ['doGenerate', 'doStream'] as const) {
      const error = await rejectedBeforeSending(() =>
        model()[call](callOptions({ providerOptions: { wandb } as never })),
      );
      expect(InvalidArgumentError.isInstance(error), String(error)).toBe(true);
      expect((error as InvalidArgumentError).argument).toBe(argument);
      expect((error as Error).message).toContain(argument);
    }
  });

  it('through streamText: the error reaches onError and the stream ends', async () => {
    const errors: unknown[] = [];
    const before = server.requests.length;
    const result = streamText({
      model: model(),
      prompt: 'Hi',
      providerOptions: { wandb: { enableThinking: 'yes' } } as never,
      onError: ({ error }) => void errors.push(error),
    });
    for await (const _ of result.fullStream) {
      // drain
    }
    expect(errors).toHaveLength(1);
    expect((errors[0] as InvalidArgumentError).argument).toBe(
      'providerOptions.wandb.enableThinking',
    );
    expect(server.requests.length).toBe(before);
  });
});

describe('tool definitions W&B cannot take → InvalidArgumentError naming the tool', () => {
  const circularSchema: Record<string, unknown> = { type: 'object', properties: {} };
  (circularSchema.properties as Record<string, unknown>).self = circularSchema;
  const withSchema = (name: string, inputSchema: unknown): LanguageModelV4FunctionTool => ({
    type: 'function',
    name,
    inputSchema: inputSchema as LanguageModelV4FunctionTool['inputSchema'],
  });

  const cases: Array<[string, LanguageModelV4FunctionTool[], RegExp]> = [
    ['a boolean schema', [withSchema('lookup', true)], /tool "lookup".*JSON schema object/],
    [
      'an array as schema',
      [withSchema('lookup', [{ type: 'string' }])],
      /tool "lookup".*JSON schema object/,
    ],
    [
      'a schema with a BigInt',
      [
        withSchema('lookup', {
          type: 'object',
          properties: { n: { type: 'integer', maximum: 10n } },
        }),
      ],
      /tool "lookup".*JSON/,
    ],
    ['a schema with a cycle', [withSchema('lookup', circularSchema)], /tool "lookup".*JSON/],
    ['an empty name', [withSchema('', { type: 'object', properties: {} })], /tool name/],
    [
      'two tools with one name',
      [weatherTool, { ...weatherTool, description: 'again' }],
      /"weather".*more than once/,
    ],
  ];

  it.each(cases)('%s', async (_name, tools, says) => {
    for (const call of ['doGenerate', 'doStream'] as const) {
      const error = await rejectedBeforeSending(() => model()[call](callOptions({ tools })));
      expect(InvalidArgumentError.isInstance(error), String(error)).toBe(true);
      expect((error as Error).message).toMatch(says);
    }
  });

  it('control: a schema whose top level is not an object is sent as it is (W&B decides)', async () => {
    server.chat({ type: 'json', body: completion({ content: 'ok' }) });
    await model().doGenerate(callOptions({ tools: [withSchema('shout', { type: 'string' })] }));
    expect(lastRequest(server).body.tools[0].function.parameters).toEqual({ type: 'string' });
  });

  it("through generateText with an ai tool(): W&B's 400 about the schema reaches the user with the tool's name", async () => {
    server.chat({
      type: 'json',
      status: 400,
      body: {
        object: 'error',
        message: "Invalid schema for function 'lookup': 'type' must be 'object'",
        type: 'BadRequestError',
        code: 400,
      },
    });
    const error = await errorFrom(() =>
      generateText({
        model: model(),
        prompt: 'Hi',
        maxRetries: 0,
        tools: { lookup: tool({ inputSchema: jsonSchema({ type: 'string' }) }) },
      }),
    );
    expect((error as Error).message).toMatch(/HTTP 400.*Invalid schema for function 'lookup'/);
    expectNoSecret(error);
  });
});

describe('huge prompts are sent whole, not truncated', () => {
  const HUGE = 'The quick brown fox jumps over the lazy dog. 🦊 '.repeat(120_000); // ~5.9 MB of UTF-8

  it('doGenerate: the server receives every character', async () => {
    server.chat({ type: 'json', body: completion({ content: 'read it' }) });
    await model().doGenerate(
      callOptions({ prompt: [{ role: 'user', content: [{ type: 'text', text: HUGE }] }] }),
    );
    expect(lastRequest(server).body.messages[0].content).toBe(HUGE);
  });

  it('streamText with a huge system prompt, many messages and a huge tool result', async () => {
    server.chat({ type: 'sse', events: textStream('done') });
    const result = streamText({
      model: model(),
      system: HUGE,
      messages: [
        ...Array.from({ length: 500 }, (_, index) => ({
          role: index % 2 === 0 ? ('user' as const) : ('assistant' as const),
          content: `message ${index}`,
        })),
        { role: 'user', content: 'last' },
      ],
    });
    let text = '';
    for await (const delta of result.textStream) text += delta;
    expect(text).toBe('done');
    const { messages } = lastRequest(server).body;
    expect(messages).toHaveLength(502);
    expect(messages[0]).toEqual({ role: 'system', content: HUGE });
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'last' });
  });

  it('doStream: a 5.9 MB prompt goes out and the stream comes back', async () => {
    server.chat({ type: 'sse', events: textStream('ok') });
    const { stream } = await model().doStream(
      callOptions({ prompt: [{ role: 'user', content: [{ type: 'text', text: HUGE }] }] }),
    );
    const { thrown } = await readStream(stream);
    expect(thrown).toBeUndefined();
    expect(lastRequest(server).body.messages[0].content.length).toBe(HUGE.length);
  });
});
