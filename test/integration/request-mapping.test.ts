import {
  InvalidArgumentError,
  UnsupportedFunctionalityError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4Prompt,
} from '@ai-sdk/provider';
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
  readParts,
  userPrompt,
  weatherTool,
} from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(async () => {
  await server.close();
});

/** Runs doGenerate against a canned answer; returns the body W&B received and the result. */
async function generate(overrides: Partial<LanguageModelV4CallOptions> = {}) {
  server.chat({ type: 'json', body: completion({ content: '{"ok":true}' }) });
  const result = await providerFor(server)(MODEL_ID).doGenerate(callOptions(overrides));
  return { body: lastRequest(server).body, result };
}

/** Runs doStream against a canned answer; returns the body W&B received and the stream-start warnings. */
async function stream(overrides: Partial<LanguageModelV4CallOptions> = {}) {
  server.chat({ type: 'sse', events: textStream('ok') });
  const { stream: parts } = await providerFor(server)(MODEL_ID).doStream(callOptions(overrides));
  const collected = await readParts(parts);
  const start = collected.find(part => part.type === 'stream-start');
  return {
    body: lastRequest(server).body,
    warnings: start?.type === 'stream-start' ? start.warnings : undefined,
  };
}

/** The text of a wire message's content, whether sent as a string or as text parts. */
function wireText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part: { type?: string; text?: string }) => (part.type === 'text' ? part.text : ''))
      .join('');
  }
  throw new Error(`unexpected content ${JSON.stringify(content)}`);
}

/** All message texts of a wire request, joined. */
function allText(messages: Array<{ content: unknown }>): string {
  return messages.map(message => wireText(message.content)).join('\n');
}

describe('the request envelope', () => {
  it('sends the model id, the messages and no sampling fields the caller did not set', async () => {
    const { body } = await generate();
    expect(body.model).toBe(MODEL_ID);
    expect(body.messages).toHaveLength(1);
    for (const field of [
      'temperature',
      'top_p',
      'max_tokens',
      'max_completion_tokens',
      'stop',
      'seed',
      'top_k',
    ]) {
      expect(body).not.toHaveProperty(field);
    }
  });

  it('returns the request body it sent', async () => {
    const { body, result } = await generate({ temperature: 0.3 });
    expect(result.request?.body).toMatchObject({ model: MODEL_ID, temperature: 0.3 });
    expect(body.temperature).toBe(0.3);
  });
});

describe('sampling settings', () => {
  it('maps every AI SDK sampling setting to its snake_case W&B field', async () => {
    const { body, result } = await generate({
      maxOutputTokens: 256,
      temperature: 0.7,
      topP: 0.9,
      stopSequences: ['END', '###'],
      seed: 42,
      frequencyPenalty: 0.5,
      presencePenalty: -0.25,
    });
    expect(body).toMatchObject({
      max_tokens: 256,
      temperature: 0.7,
      top_p: 0.9,
      stop: ['END', '###'],
      seed: 42,
      frequency_penalty: 0.5,
      presence_penalty: -0.25,
    });
    expect(body).not.toHaveProperty('max_completion_tokens');
    expect(result.warnings).toEqual([]);
  });

  it('sends temperature 0 rather than dropping it', async () => {
    const { body } = await generate({ temperature: 0 });
    expect(body.temperature).toBe(0);
  });

  it('warns about topK and does not send it', async () => {
    const { body, result } = await generate({ topK: 40 });
    expect(body).not.toHaveProperty('top_k');
    expect(body).not.toHaveProperty('topK');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ type: 'unsupported', feature: 'topK' }),
    );
  });

  it('reports the topK warning in stream-start when streaming', async () => {
    const { body, warnings } = await stream({ topK: 40 });
    expect(body).not.toHaveProperty('top_k');
    expect(warnings).toContainEqual(
      expect.objectContaining({ type: 'unsupported', feature: 'topK' }),
    );
  });

  it('sends the same sampling fields when streaming', async () => {
    const { body } = await stream({ maxOutputTokens: 64, temperature: 0.2, stopSequences: ['x'] });
    expect(body).toMatchObject({ stream: true, max_tokens: 64, temperature: 0.2, stop: ['x'] });
  });
});

describe('messages', () => {
  it('sends system, user and assistant text messages in order', async () => {
    const prompt: LanguageModelV4Prompt = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Hello!' }] },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Tell me a joke' },
          { type: 'text', text: ' about cats' },
        ],
      },
    ];
    const { body } = await generate({ prompt });
    expect(body.messages.map((message: { role: string }) => message.role)).toEqual([
      'system',
      'user',
      'assistant',
      'user',
    ]);
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect(wireText(body.messages[1].content)).toBe('Hi');
    expect(body.messages[2].content).toBe('Hello!');
    expect(wireText(body.messages[3].content)).toBe('Tell me a joke about cats');
  });

  it('sends image bytes as an image_url data URL', async () => {
    const prompt: LanguageModelV4Prompt = [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          {
            type: 'file',
            mediaType: 'image/png',
            data: { type: 'data', data: new Uint8Array([1, 2, 3]) },
          },
        ],
      },
    ];
    const { body } = await generate({ prompt });
    expect(body.messages[0].content).toEqual([
      { type: 'text', text: 'What is this?' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,AQID' } },
    ]);
  });

  it('sends base64 image data as a data URL', async () => {
    const prompt: LanguageModelV4Prompt = [
      {
        role: 'user',
        content: [{ type: 'file', mediaType: 'image/jpeg', data: { type: 'data', data: 'AQID' } }],
      },
    ];
    const { body } = await generate({ prompt });
    expect(body.messages[0].content).toEqual([
      { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,AQID' } },
    ]);
  });

  it('sends an image URL as the URL itself', async () => {
    const prompt: LanguageModelV4Prompt = [
      {
        role: 'user',
        content: [
          {
            type: 'file',
            mediaType: 'image/jpeg',
            data: { type: 'url', url: new URL('https://example.com/cat.jpg') },
          },
        ],
      },
    ];
    const { body } = await generate({ prompt });
    expect(body.messages[0].content).toEqual([
      { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
    ]);
  });

  it('rejects a non-image file with UnsupportedFunctionalityError naming the media type', async () => {
    const requestsBefore = server.requests.length;
    const prompt: LanguageModelV4Prompt = [
      {
        role: 'user',
        content: [
          {
            type: 'file',
            mediaType: 'application/pdf',
            data: { type: 'data', data: new Uint8Array([37, 80, 68, 70]) },
          },
        ],
      },
    ];
    const error = await errorFrom(() =>
      providerFor(server)(MODEL_ID).doGenerate(callOptions({ prompt })),
    );
    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('application/pdf');
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('sends a tool-only assistant message with content null and its tool_calls', async () => {
    const prompt: LanguageModelV4Prompt = [
      ...userPrompt('Weather in Paris?'),
      {
        role: 'assistant',
        content: [
          {
            type: 'tool-call',
            toolCallId: 'call_1',
            toolName: 'weather',
            input: { city: 'Paris' },
          },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call_1',
            toolName: 'weather',
            output: { type: 'json', value: { temperature: 21 } },
          },
        ],
      },
    ];
    const { body } = await generate({ prompt });
    const assistant = body.messages[1];
    expect(assistant).toMatchObject({ role: 'assistant', content: null });
    expect(assistant.tool_calls).toEqual([
      {
        id: 'call_1',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Paris"}' },
      },
    ]);
  });

  it('keeps the text of an assistant message that also calls tools', async () => {
    const prompt: LanguageModelV4Prompt = [
      ...userPrompt('Weather in Paris?'),
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me check.' },
          {
            type: 'tool-call',
            toolCallId: 'call_1',
            toolName: 'weather',
            input: { city: 'Paris' },
          },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call_1',
            toolName: 'weather',
            output: { type: 'text', value: 'sunny' },
          },
        ],
      },
    ];
    const { body } = await generate({ prompt });
    expect(body.messages[1]).toMatchObject({ role: 'assistant', content: 'Let me check.' });
    expect(body.messages[1].tool_calls).toHaveLength(1);
  });

  it('echoes earlier assistant reasoning back as reasoning and reasoning_content', async () => {
    const prompt: LanguageModelV4Prompt = [
      ...userPrompt('Weather in Paris?'),
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'The user wants the weather; call the tool.' },
          {
            type: 'tool-call',
            toolCallId: 'call_1',
            toolName: 'weather',
            input: { city: 'Paris' },
          },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call_1',
            toolName: 'weather',
            output: { type: 'text', value: 'sunny' },
          },
        ],
      },
    ];
    const { body } = await generate({ prompt });
    expect(body.messages[1]).toMatchObject({
      role: 'assistant',
      content: null,
      reasoning: 'The user wants the weather; call the tool.',
      reasoning_content: 'The user wants the weather; call the tool.',
    });
  });

  it('does not send reasoning as part of the assistant text', async () => {
    const prompt: LanguageModelV4Prompt = [
      ...userPrompt(),
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'secret thoughts' },
          { type: 'text', text: 'Hello!' },
        ],
      },
      ...userPrompt('Again'),
    ];
    const { body } = await generate({ prompt });
    expect(body.messages[1].content).toBe('Hello!');
    expect(body.messages[1].reasoning_content).toBe('secret thoughts');
  });

  it('sends tool results as role tool messages with tool_call_id and text or JSON content', async () => {
    const prompt: LanguageModelV4Prompt = [
      ...userPrompt('Weather in Paris and Rome?'),
      {
        role: 'assistant',
        content: [
          {
            type: 'tool-call',
            toolCallId: 'call_1',
            toolName: 'weather',
            input: { city: 'Paris' },
          },
          { type: 'tool-call', toolCallId: 'call_2', toolName: 'weather', input: { city: 'Rome' } },
          {
            type: 'tool-call',
            toolCallId: 'call_3',
            toolName: 'weather',
            input: { city: 'Atlantis' },
          },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call_1',
            toolName: 'weather',
            output: { type: 'text', value: 'sunny, 21°C' },
          },
          {
            type: 'tool-result',
            toolCallId: 'call_2',
            toolName: 'weather',
            output: { type: 'json', value: { temperature: 25, sky: 'clear' } },
          },
          {
            type: 'tool-result',
            toolCallId: 'call_3',
            toolName: 'weather',
            output: { type: 'error-text', value: 'unknown city' },
          },
        ],
      },
    ];
    const { body } = await generate({ prompt });
    const toolMessages = body.messages.filter(
      (message: { role: string }) => message.role === 'tool',
    );
    expect(toolMessages).toHaveLength(3);
    expect(toolMessages[0]).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content: 'sunny, 21°C',
    });
    expect(toolMessages[1]).toMatchObject({ role: 'tool', tool_call_id: 'call_2' });
    expect(JSON.parse(toolMessages[1].content)).toEqual({ temperature: 25, sky: 'clear' });
    expect(toolMessages[2]).toMatchObject({ role: 'tool', tool_call_id: 'call_3' });
    expect(toolMessages[2].content).toContain('unknown city');
  });

  it('never emits the developer role', async () => {
    const { body } = await generate({
      prompt: [{ role: 'system', content: 'Rules.' }, ...userPrompt()],
    });
    expect(body.messages[0].role).toBe('system');
  });
});

describe('tools', () => {
  it('sends function tools with their JSON schema as parameters', async () => {
    const { body } = await generate({ tools: [weatherTool], toolChoice: { type: 'auto' } });
    expect(body.tools).toHaveLength(1);
    expect(body.tools[0]).toMatchObject({
      type: 'function',
      function: {
        name: 'weather',
        description: 'Current weather in a city',
        parameters: weatherTool.inputSchema,
      },
    });
  });

  it.each([
    [{ type: 'auto' } as const, 'auto'],
    [{ type: 'none' } as const, 'none'],
    [{ type: 'required' } as const, 'required'],
    [
      { type: 'tool', toolName: 'weather' } as const,
      { type: 'function', function: { name: 'weather' } },
    ],
  ])('maps toolChoice %j to tool_choice', async (toolChoice, expected) => {
    const { body } = await generate({ tools: [weatherTool], toolChoice });
    expect(body.tool_choice).toEqual(expected);
  });

  it('warns about a provider tool and does not send it', async () => {
    const { body, result } = await generate({
      tools: [
        weatherTool,
        { type: 'provider', id: 'openai.web_search', name: 'web_search', args: {} },
      ],
    });
    expect(body.tools.map((tool: { function: { name: string } }) => tool.function.name)).toEqual([
      'weather',
    ]);
    expect(result.warnings).toContainEqual(expect.objectContaining({ type: 'unsupported' }));
    expect(JSON.stringify(result.warnings)).toContain('web_search');
  });

  it('sends neither tools nor tool_choice without tools, even though ai@7 always passes toolChoice auto', async () => {
    const { body } = await generate({ toolChoice: { type: 'auto' } });
    expect(body).not.toHaveProperty('tools');
    expect(body).not.toHaveProperty('tool_choice');
  });
});

describe('JSON response format', () => {
  const personSchema = {
    type: 'object',
    properties: { name: { type: 'string' }, age: { type: 'number' } },
    required: ['name', 'age'],
    additionalProperties: false,
  } as const;

  it('sends a schema as json_schema named "response" by default', async () => {
    const { body } = await generate({ responseFormat: { type: 'json', schema: personSchema } });
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'response', schema: personSchema },
    });
    expect(typeof body.response_format.json_schema.strict).toBe('boolean');
  });

  it('sends the name and description of the response format', async () => {
    const { body } = await generate({
      responseFormat: {
        type: 'json',
        schema: personSchema,
        name: 'person',
        description: 'A famous person',
      },
    });
    expect(body.response_format.json_schema).toMatchObject({
      name: 'person',
      description: 'A famous person',
      schema: personSchema,
    });
  });

  it.each([true, false])('sets strict from strictJsonSchema=%s', async strictJsonSchema => {
    const { body } = await generate({
      responseFormat: { type: 'json', schema: personSchema },
      providerOptions: { wandb: { strictJsonSchema } },
    });
    expect(body.response_format.json_schema.strict).toBe(strictJsonSchema);
  });

  it('sends json_object when there is no schema', async () => {
    const { body } = await generate({ responseFormat: { type: 'json' } });
    expect(body.response_format).toEqual({ type: 'json_object' });
  });

  it('with structuredOutputs false sends json_object and writes the schema into the prompt', async () => {
    const { body } = await generate({
      prompt: [{ role: 'system', content: 'You know history.' }, ...userPrompt('Name a scientist')],
      responseFormat: { type: 'json', schema: personSchema },
      providerOptions: { wandb: { structuredOutputs: false } },
    });
    expect(body.response_format).toEqual({ type: 'json_object' });
    const promptText = allText(body.messages);
    expect(promptText).toContain('You know history.');
    expect(promptText).toContain('Name a scientist');
    for (const schemaPiece of ['"name"', '"age"', '"required"', '"additionalProperties"']) {
      expect(promptText).toContain(schemaPiece);
    }
  });

  it('does not touch the prompt when the schema is sent as json_schema', async () => {
    const { body } = await generate({
      prompt: userPrompt('Name a scientist'),
      responseFormat: { type: 'json', schema: personSchema },
    });
    expect(body.messages).toHaveLength(1);
    expect(allText(body.messages)).toBe('Name a scientist');
  });

  it('sends no response_format for text', async () => {
    const { body } = await generate({ responseFormat: { type: 'text' } });
    expect(body).not.toHaveProperty('response_format');
  });
});

describe('providerOptions.wandb', () => {
  it('maps every typed option to its W&B field', async () => {
    const { body } = await generate({
      providerOptions: {
        wandb: {
          enableThinking: true,
          reasoningEffort: 'low',
          cacheSalt: 'tenant-42',
          parallelToolCalls: false,
          logitBias: { '50256': -100 },
          user: 'user-7',
        },
      },
    });
    expect(body).toMatchObject({
      chat_template_kwargs: { enable_thinking: true },
      reasoning_effort: 'low',
      cache_salt: 'tenant-42',
      parallel_tool_calls: false,
      logit_bias: { '50256': -100 },
      user: 'user-7',
    });
    for (const camel of [
      'enableThinking',
      'reasoningEffort',
      'cacheSalt',
      'parallelToolCalls',
      'logitBias',
      'extraBody',
    ]) {
      expect(body).not.toHaveProperty(camel);
    }
  });

  it('sends enableThinking false as chat_template_kwargs.enable_thinking false', async () => {
    const { body } = await generate({ providerOptions: { wandb: { enableThinking: false } } });
    expect(body.chat_template_kwargs).toEqual({ enable_thinking: false });
  });

  it('rejects an unknown key with an InvalidArgumentError naming it, before any request', async () => {
    const requestsBefore = server.requests.length;
    const error = await errorFrom(() =>
      providerFor(server)(MODEL_ID).doGenerate(
        callOptions({ providerOptions: { wandb: { temprature: 0.5 } } }),
      ),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('temprature');
    expect(server.requests.length).toBe(requestsBefore);
  });

  it.each([
    ['enableThinking', 'yes'],
    ['cacheSalt', 42],
    ['parallelToolCalls', 'true'],
    ['logitBias', 'none'],
    ['structuredOutputs', 1],
    ['extraBody', 'top_k=40'],
  ])('rejects an ill-typed %s with an InvalidArgumentError naming it', async (key, value) => {
    const error = await errorFrom(() =>
      providerFor(server)(MODEL_ID).doGenerate(
        callOptions({ providerOptions: { wandb: { [key]: value } } }),
      ),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(key);
  });

  it('validates provider options on streams too', async () => {
    const error = await errorFrom(() =>
      providerFor(server)(MODEL_ID).doStream(
        callOptions({ providerOptions: { wandb: { bogusOption: true } } }),
      ),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('bogusOption');
  });

  it('ignores the options of other providers', async () => {
    const { body } = await generate({ providerOptions: { openai: { store: true } } });
    expect(body).not.toHaveProperty('store');
  });

  it('merges extraBody last, so it adds fields and overrides what the provider set', async () => {
    const { body } = await generate({
      temperature: 0.1,
      providerOptions: {
        wandb: { extraBody: { top_k: 40, repetition_penalty: 1.1, temperature: 0.9 } },
      },
    });
    expect(body).toMatchObject({
      top_k: 40,
      repetition_penalty: 1.1,
      temperature: 0.9,
      model: MODEL_ID,
    });
  });

  it('applies extraBody to streams as well', async () => {
    const { body } = await stream({ providerOptions: { wandb: { extraBody: { top_k: 5 } } } });
    expect(body).toMatchObject({ stream: true, top_k: 5 });
  });
});

describe('the reasoning call option', () => {
  it.each(['low', 'medium', 'high'] as const)(
    'maps reasoning %s to reasoning_effort',
    async reasoning => {
      const { body } = await generate({ reasoning });
      expect(body.reasoning_effort).toBe(reasoning);
    },
  );

  it('maps reasoning none to enable_thinking false', async () => {
    const { body } = await generate({ reasoning: 'none' });
    expect(body.chat_template_kwargs).toEqual({ enable_thinking: false });
  });

  it('lets providerOptions.wandb.reasoningEffort win over the reasoning call option', async () => {
    const { body } = await generate({
      reasoning: 'high',
      providerOptions: { wandb: { reasoningEffort: 'low' } },
    });
    expect(body.reasoning_effort).toBe('low');
  });

  it('sends nothing for provider-default', async () => {
    const { body } = await generate({ reasoning: 'provider-default' });
    expect(body).not.toHaveProperty('reasoning_effort');
    expect(body).not.toHaveProperty('chat_template_kwargs');
  });

  it('sends nothing when reasoning is not set', async () => {
    const { body } = await generate();
    expect(body).not.toHaveProperty('reasoning_effort');
    expect(body).not.toHaveProperty('chat_template_kwargs');
  });
});

describe('the streaming request', () => {
  it('sends the same messages and tools as the non-streaming request, plus stream: true', async () => {
    const options = {
      prompt: [
        { role: 'system', content: 'Be brief.' },
        ...userPrompt('Weather?'),
      ] as LanguageModelV4Prompt,
      tools: [weatherTool],
      toolChoice: { type: 'required' } as const,
      temperature: 0.4,
    };
    const generated = await generate(options);
    const streamed = await stream(options);
    const { stream: streamFlag, stream_options: _streamOptions, ...streamedRest } = streamed.body;
    const { stream: _generateFlag, ...generatedRest } = generated.body;
    expect(streamFlag).toBe(true);
    expect(streamedRest).toEqual(generatedRest);
  });
});
