import {
  InvalidArgumentError,
  UnsupportedFunctionalityError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4Prompt,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { buildWandbChatRequest } from '../../src/chat/build-wandb-chat-request';
import { MODEL_ID, TOOL_CHOICES, WEATHER_TOOL_ON_WIRE, weatherTool } from '../helpers';

const PROMPT: LanguageModelV4Prompt = [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }];
const MESSAGES = [{ role: 'user', content: 'Hi' }];

const SCHEMA = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'number' } },
  required: ['name', 'age'],
  additionalProperties: false,
} as const;

function build(
  options: Partial<LanguageModelV4CallOptions> = {},
  {
    stream = false,
    includeUsage = true,
    modelId = MODEL_ID,
  }: { stream?: boolean; includeUsage?: boolean; modelId?: string } = {},
) {
  return buildWandbChatRequest({
    modelId,
    options: { prompt: PROMPT, ...options },
    stream,
    includeUsage,
  });
}

/** The body as it goes over the wire (nested `undefined` fields vanish in JSON). */
function wire(body: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(body));
}

/** Calls `build` and returns what it threw (fails the test if it did not throw). */
function thrownBy(options: Partial<LanguageModelV4CallOptions>): unknown {
  try {
    build(options);
  } catch (error) {
    return error;
  }
  throw new Error('expected buildWandbChatRequest to throw');
}

function wandbOptions(options: Record<string, unknown>): Partial<LanguageModelV4CallOptions> {
  return { providerOptions: { wandb: options } } as Partial<LanguageModelV4CallOptions>;
}

describe('buildWandbChatRequest', () => {
  describe('basics', () => {
    it('sends only model and messages for a bare call, with no warnings', () => {
      expect(build()).toStrictEqual({
        body: { model: MODEL_ID, messages: MESSAGES },
        warnings: [],
      });
    });

    it('passes the model id through verbatim, including LoRA artifact ids', () => {
      const modelId = 'wandb-artifact:///My-Team/my-project/My_LoRA:v3';
      expect(build({}, { modelId }).body.model).toBe(modelId);
    });

    it('converts the prompt into W&B messages', () => {
      expect(
        build({
          prompt: [
            { role: 'system', content: 'sys' },
            { role: 'user', content: [{ type: 'text', text: 'u' }] },
            { role: 'assistant', content: [{ type: 'text', text: 'a' }] },
          ],
        }).body.messages,
      ).toStrictEqual([
        { role: 'system', content: 'sys' },
        { role: 'user', content: 'u' },
        { role: 'assistant', content: 'a' },
      ]);
    });

    it('lets message conversion errors through (PDF → UnsupportedFunctionalityError)', () => {
      const error = thrownBy({
        prompt: [
          {
            role: 'user',
            content: [
              {
                type: 'file',
                mediaType: 'application/pdf',
                data: { type: 'data', data: new Uint8Array([1]) },
              },
            ],
          },
        ],
      });
      expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('application/pdf');
    });
  });

  describe('sampling settings', () => {
    it('maps every setting to its snake_case field', () => {
      expect(
        build({
          maxOutputTokens: 256,
          temperature: 0.7,
          topP: 0.9,
          stopSequences: ['\n\n', 'END'],
          seed: 42,
          frequencyPenalty: 0.5,
          presencePenalty: -0.25,
        }),
      ).toStrictEqual({
        body: {
          model: MODEL_ID,
          messages: MESSAGES,
          max_tokens: 256,
          temperature: 0.7,
          top_p: 0.9,
          stop: ['\n\n', 'END'],
          seed: 42,
          frequency_penalty: 0.5,
          presence_penalty: -0.25,
        },
        warnings: [],
      });
    });

    it('never sends max_completion_tokens', () => {
      expect(build({ maxOutputTokens: 10 }).body).not.toHaveProperty('max_completion_tokens');
    });

    it('keeps zero values (0 is not absent)', () => {
      expect(
        build({ temperature: 0, seed: 0, topP: 0, frequencyPenalty: 0, presencePenalty: 0 }).body,
      ).toStrictEqual({
        model: MODEL_ID,
        messages: MESSAGES,
        temperature: 0,
        top_p: 0,
        seed: 0,
        frequency_penalty: 0,
        presence_penalty: 0,
      });
    });

    it('leaves undefined settings out of the body entirely', () => {
      const { body } = build({ temperature: undefined, maxOutputTokens: undefined, seed: 1 });
      expect(Object.keys(body)).toStrictEqual(['model', 'messages', 'seed']);
    });

    it('omits stop when stopSequences is empty', () => {
      expect(build({ stopSequences: [] }).body).toStrictEqual({
        model: MODEL_ID,
        messages: MESSAGES,
      });
    });

    it('warns about topK (unsupported) and does not send it', () => {
      const { body, warnings } = build({ topK: 40 });
      expect(body).toStrictEqual({ model: MODEL_ID, messages: MESSAGES });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ type: 'unsupported', feature: 'topK' });
      expect(JSON.stringify(warnings[0])).toContain('extraBody');
    });
  });

  describe('streaming', () => {
    it('sends stream and stream_options.include_usage when streaming with includeUsage', () => {
      expect(build({}, { stream: true, includeUsage: true }).body).toStrictEqual({
        model: MODEL_ID,
        messages: MESSAGES,
        stream: true,
        stream_options: { include_usage: true },
      });
    });

    it('sends stream without stream_options when includeUsage is false', () => {
      expect(build({}, { stream: true, includeUsage: false }).body).toStrictEqual({
        model: MODEL_ID,
        messages: MESSAGES,
        stream: true,
      });
    });

    it('sends neither stream nor stream_options when not streaming', () => {
      expect(build({}, { stream: false, includeUsage: true }).body).toStrictEqual({
        model: MODEL_ID,
        messages: MESSAGES,
      });
    });
  });

  describe('responseFormat', () => {
    it('sends nothing for responseFormat text', () => {
      expect(build({ responseFormat: { type: 'text' } })).toStrictEqual({
        body: { model: MODEL_ID, messages: MESSAGES },
        warnings: [],
      });
    });

    it.each([
      ['strict true by default', {}, true],
      [
        'strict false with strictJsonSchema: false',
        wandbOptions({ strictJsonSchema: false }),
        false,
      ],
    ])(
      'sends a schema as json_schema named "response", %s, prompt untouched',
      (_, options, strict) => {
        const { body } = build({ responseFormat: { type: 'json', schema: SCHEMA }, ...options });
        expect(wire(body)).toStrictEqual({
          model: MODEL_ID,
          messages: MESSAGES,
          response_format: {
            type: 'json_schema',
            json_schema: { name: 'response', schema: SCHEMA, strict },
          },
        });
      },
    );

    it('uses the given name and description', () => {
      const { body } = build({
        responseFormat: { type: 'json', schema: SCHEMA, name: 'person', description: 'A person' },
      });
      expect(body.response_format).toStrictEqual({
        type: 'json_schema',
        json_schema: { name: 'person', description: 'A person', schema: SCHEMA, strict: true },
      });
    });

    it('uses json_object and a generic JSON instruction as a new system message when there is no schema', () => {
      expect(build({ responseFormat: { type: 'json' } })).toStrictEqual({
        body: {
          model: MODEL_ID,
          messages: [{ role: 'system', content: 'You MUST answer with JSON.' }, ...MESSAGES],
          response_format: { type: 'json_object' },
        },
        warnings: [],
      });
    });

    it('warns (compatibility) that the schema is not enforced with structuredOutputs: false', () => {
      const { warnings } = build({
        responseFormat: { type: 'json', schema: SCHEMA },
        ...wandbOptions({ structuredOutputs: false }),
      });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ type: 'compatibility', feature: 'responseFormat' });
      expect(JSON.stringify(warnings[0])).toContain('structuredOutputs');
    });

    it('does not warn about structuredOutputs: false without a schema', () => {
      expect(
        build({ responseFormat: { type: 'json' }, ...wandbOptions({ structuredOutputs: false }) })
          .warnings,
      ).toStrictEqual([]);
    });

    it('uses json_object and writes the schema into the system prompt with structuredOutputs: false', () => {
      expect(
        build({
          responseFormat: { type: 'json', schema: SCHEMA },
          ...wandbOptions({ structuredOutputs: false }),
        }).body,
      ).toStrictEqual({
        model: MODEL_ID,
        messages: [
          {
            role: 'system',
            content: `JSON schema:\n${JSON.stringify(SCHEMA)}\nYou MUST answer with a JSON object that matches the JSON schema above.`,
          },
          ...MESSAGES,
        ],
        response_format: { type: 'json_object' },
      });
    });

    it('appends the instruction to an existing first system message without mutating the prompt', () => {
      const prompt: LanguageModelV4Prompt = [
        { role: 'system', content: 'You are a registrar.' },
        { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      ];
      const snapshot = structuredClone(prompt);
      const { body } = build({
        prompt,
        responseFormat: { type: 'json', schema: SCHEMA },
        ...wandbOptions({ structuredOutputs: false }),
      });
      expect(body.messages).toStrictEqual([
        {
          role: 'system',
          content: `You are a registrar.\n\nJSON schema:\n${JSON.stringify(SCHEMA)}\nYou MUST answer with a JSON object that matches the JSON schema above.`,
        },
        { role: 'user', content: 'Hi' },
      ]);
      expect(prompt).toStrictEqual(snapshot);
    });

    it('keeps json_schema with structuredOutputs: true', () => {
      const { body } = build({
        responseFormat: { type: 'json', schema: SCHEMA },
        ...wandbOptions({ structuredOutputs: true }),
      });
      expect((body.response_format as { type: string }).type).toBe('json_schema');
      expect(body.messages).toStrictEqual(MESSAGES);
    });
  });

  describe('providerOptions.wandb', () => {
    it('maps every typed option to its W&B field', () => {
      expect(
        build(
          wandbOptions({
            enableThinking: true,
            reasoningEffort: 'low',
            cacheSalt: 'salt-1',
            parallelToolCalls: false,
            logitBias: { '50256': -100, '11': 5 },
            user: 'user-123',
          }),
        ),
      ).toStrictEqual({
        body: {
          model: MODEL_ID,
          messages: MESSAGES,
          parallel_tool_calls: false,
          logit_bias: { '50256': -100, '11': 5 },
          user: 'user-123',
          cache_salt: 'salt-1',
          reasoning_effort: 'low',
          chat_template_kwargs: { enable_thinking: true },
        },
        warnings: [],
      });
    });

    it('maps enableThinking: false to chat_template_kwargs.enable_thinking false', () => {
      expect(build(wandbOptions({ enableThinking: false })).body).toStrictEqual({
        model: MODEL_ID,
        messages: MESSAGES,
        chat_template_kwargs: { enable_thinking: false },
      });
    });

    it('accepts a model-specific reasoningEffort string', () => {
      expect(build(wandbOptions({ reasoningEffort: 'max' })).body.reasoning_effort).toBe('max');
    });

    it("ignores other providers' options", () => {
      expect(build({ providerOptions: { openai: { foo: 'bar' } } })).toStrictEqual({
        body: { model: MODEL_ID, messages: MESSAGES },
        warnings: [],
      });
    });

    it('accepts an empty wandb options object', () => {
      expect(build(wandbOptions({})).body).toStrictEqual({ model: MODEL_ID, messages: MESSAGES });
    });

    it("merges extraBody last, adding fields and overriding the provider's", () => {
      const { body } = build(
        {
          temperature: 0.7,
          maxOutputTokens: 100,
          ...wandbOptions({
            cacheSalt: 'a',
            extraBody: {
              top_k: 40,
              repetition_penalty: 1.1,
              temperature: 0.1,
              cache_salt: 'b',
              stream_options: { include_usage: false },
              chat_template_kwargs: { enable_thinking: true, custom: 1 },
            },
          }),
        },
        { stream: true },
      );
      expect(body).toStrictEqual({
        model: MODEL_ID,
        messages: MESSAGES,
        max_tokens: 100,
        temperature: 0.1,
        cache_salt: 'b',
        stream: true,
        stream_options: { include_usage: false },
        top_k: 40,
        repetition_penalty: 1.1,
        chat_template_kwargs: { enable_thinking: true, custom: 1 },
      });
    });

    it('lets extraBody override chat_template_kwargs set from enableThinking', () => {
      expect(
        build(
          wandbOptions({
            enableThinking: false,
            extraBody: { chat_template_kwargs: { thinking: true } },
          }),
        ).body.chat_template_kwargs,
      ).toStrictEqual({ thinking: true });
    });

    it.each(['foo', 'enable_thinking', 'reasoning_effort', 'topK'])(
      'rejects the unknown key %s with InvalidArgumentError naming providerOptions.wandb.<key>',
      key => {
        const error = thrownBy(wandbOptions({ [key]: true }));
        expect(InvalidArgumentError.isInstance(error)).toBe(true);
        expect((error as Error).message).toContain(`providerOptions.wandb.${key}`);
        expect((error as InvalidArgumentError).argument).toBe(`providerOptions.wandb.${key}`);
        expect((error as Error).message).toContain('extraBody');
      },
    );

    it.each([
      ['enableThinking', 'yes'],
      ['reasoningEffort', 3],
      ['reasoningEffort', ''],
      ['cacheSalt', 12],
      ['cacheSalt', ''],
      ['parallelToolCalls', 'false'],
      ['logitBias', 'x'],
      ['user', 7],
      ['structuredOutputs', 1],
      ['strictJsonSchema', null],
      ['extraBody', 'top_k=40'],
      ['extraBody', [1, 2]],
    ])('rejects the ill-typed %s: %j with InvalidArgumentError naming the key', (key, value) => {
      const error = thrownBy(wandbOptions({ [key]: value }));
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain(`providerOptions.wandb.${key}`);
      expect((error as InvalidArgumentError).argument).toContain(`providerOptions.wandb.${key}`);
    });

    it('rejects an out-of-range logitBias value, naming the token', () => {
      const error = thrownBy(wandbOptions({ logitBias: { '50256': 200 } }));
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('providerOptions.wandb.logitBias.50256');
    });
  });

  describe('the V4 reasoning call option', () => {
    it("maps 'none' to chat_template_kwargs.enable_thinking false", () => {
      expect(build({ reasoning: 'none' })).toStrictEqual({
        body: {
          model: MODEL_ID,
          messages: MESSAGES,
          chat_template_kwargs: { enable_thinking: false },
        },
        warnings: [],
      });
    });

    it.each(['minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const)(
      "maps '%s' to reasoning_effort",
      reasoning => {
        expect(build({ reasoning })).toStrictEqual({
          body: { model: MODEL_ID, messages: MESSAGES, reasoning_effort: reasoning },
          warnings: [],
        });
      },
    );

    it("sends nothing for 'provider-default'", () => {
      expect(build({ reasoning: 'provider-default' })).toStrictEqual({
        body: { model: MODEL_ID, messages: MESSAGES },
        warnings: [],
      });
    });

    it("lets providerOptions.wandb.reasoningEffort win over 'high', with a compatibility warning", () => {
      const { body, warnings } = build({
        reasoning: 'high',
        ...wandbOptions({ reasoningEffort: 'low' }),
      });
      expect(body).toStrictEqual({ model: MODEL_ID, messages: MESSAGES, reasoning_effort: 'low' });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ type: 'compatibility', feature: 'reasoning' });
      expect(JSON.stringify(warnings[0])).toContain('providerOptions.wandb.reasoningEffort');
    });

    it("lets providerOptions.wandb.enableThinking win over 'none', with a compatibility warning", () => {
      const { body, warnings } = build({
        reasoning: 'none',
        ...wandbOptions({ enableThinking: true }),
      });
      expect(body).toStrictEqual({
        model: MODEL_ID,
        messages: MESSAGES,
        chat_template_kwargs: { enable_thinking: true },
      });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ type: 'compatibility', feature: 'reasoning' });
      expect(JSON.stringify(warnings[0])).toContain('providerOptions.wandb.enableThinking');
    });

    it('does not warn when providerOptions.wandb.reasoningEffort agrees with the call option', () => {
      expect(
        build({ reasoning: 'high', ...wandbOptions({ reasoningEffort: 'high' }) }),
      ).toStrictEqual({
        body: { model: MODEL_ID, messages: MESSAGES, reasoning_effort: 'high' },
        warnings: [],
      });
    });

    it("does not warn when providerOptions.wandb.enableThinking: false agrees with 'none'", () => {
      expect(
        build({ reasoning: 'none', ...wandbOptions({ enableThinking: false }) }),
      ).toStrictEqual({
        body: {
          model: MODEL_ID,
          messages: MESSAGES,
          chat_template_kwargs: { enable_thinking: false },
        },
        warnings: [],
      });
    });

    it("combines 'high' with an unrelated enableThinking option without a warning", () => {
      expect(build({ reasoning: 'high', ...wandbOptions({ enableThinking: true }) })).toStrictEqual(
        {
          body: {
            model: MODEL_ID,
            messages: MESSAGES,
            reasoning_effort: 'high',
            chat_template_kwargs: { enable_thinking: true },
          },
          warnings: [],
        },
      );
    });
  });

  describe('tools', () => {
    it('sends function tools as tools with their JSON schema as parameters', () => {
      const { body, warnings } = build({ tools: [weatherTool], toolChoice: { type: 'auto' } });
      expect(body).toStrictEqual({
        model: MODEL_ID,
        messages: MESSAGES,
        tools: [WEATHER_TOOL_ON_WIRE],
        tool_choice: 'auto',
      });
      expect(warnings).toStrictEqual([]);
    });

    it('passes strict when set, and leaves out description when absent', () => {
      const { body } = build({
        tools: [
          { type: 'function', name: 'a', inputSchema: { type: 'object' }, strict: true },
          { type: 'function', name: 'b', inputSchema: { type: 'object' }, strict: false },
          { type: 'function', name: 'c', inputSchema: { type: 'object' } },
        ],
      });
      expect(wire(body)).toStrictEqual({
        model: MODEL_ID,
        messages: MESSAGES,
        tools: [
          {
            type: 'function',
            function: { name: 'a', parameters: { type: 'object' }, strict: true },
          },
          {
            type: 'function',
            function: { name: 'b', parameters: { type: 'object' }, strict: false },
          },
          { type: 'function', function: { name: 'c', parameters: { type: 'object' } } },
        ],
      });
    });

    it('sends no tool_choice when tools are given without one', () => {
      expect(build({ tools: [weatherTool] }).body).not.toHaveProperty('tool_choice');
    });

    it.each(TOOL_CHOICES)('maps toolChoice %j', (toolChoice, expected) => {
      expect(build({ tools: [weatherTool], toolChoice }).body.tool_choice).toStrictEqual(expected);
    });

    it.each([{ type: 'auto' } as const, { type: 'required' } as const, { type: 'none' } as const])(
      'sends neither tools nor tool_choice without tools, even with toolChoice %j',
      toolChoice => {
        expect(build({ toolChoice })).toStrictEqual({
          body: { model: MODEL_ID, messages: MESSAGES },
          warnings: [],
        });
        expect(build({ tools: [], toolChoice })).toStrictEqual({
          body: { model: MODEL_ID, messages: MESSAGES },
          warnings: [],
        });
      },
    );

    it('warns about a provider tool and does not send it', () => {
      const { body, warnings } = build({
        tools: [
          weatherTool,
          { type: 'provider', id: 'openai.web_search', name: 'web_search', args: {} },
        ],
        toolChoice: { type: 'auto' },
      });
      expect(wire(body)).toStrictEqual({
        model: MODEL_ID,
        messages: MESSAGES,
        tools: [WEATHER_TOOL_ON_WIRE],
        tool_choice: 'auto',
      });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ type: 'unsupported' });
      expect(JSON.stringify(warnings[0])).toContain('openai.web_search');
      expect(JSON.stringify(warnings[0])).toContain('web_search');
    });

    it('sends no tools and no tool_choice when the only tool is a provider tool', () => {
      const { body, warnings } = build({
        tools: [{ type: 'provider', id: 'openai.web_search', name: 'web_search', args: {} }],
        toolChoice: { type: 'required' },
      });
      expect(body).toStrictEqual({ model: MODEL_ID, messages: MESSAGES });
      expect(warnings).toHaveLength(1);
    });

    it('warns about inputExamples and sends the tool without them', () => {
      const { body, warnings } = build({
        tools: [{ ...weatherTool, inputExamples: [{ input: { city: 'Paris' } }] }],
      });
      expect(body.tools).toStrictEqual([WEATHER_TOOL_ON_WIRE]);
      expect(JSON.stringify(body)).not.toContain('Paris');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ type: 'unsupported', feature: 'tool input examples' });
      expect(JSON.stringify(warnings[0])).toContain('weather');
    });

    it('does not warn about an empty inputExamples list', () => {
      expect(build({ tools: [{ ...weatherTool, inputExamples: [] }] }).warnings).toStrictEqual([]);
    });
  });

  it('collects warnings from every source in one list', () => {
    const { warnings } = build({
      topK: 5,
      reasoning: 'low',
      tools: [
        { ...weatherTool, inputExamples: [{ input: { city: 'Oslo' } }] },
        { type: 'provider', id: 'x.y', name: 'y', args: {} },
      ],
      ...wandbOptions({ reasoningEffort: 'high' }),
    });
    expect(warnings.map(w => w.type)).toStrictEqual([
      'unsupported',
      'unsupported',
      'unsupported',
      'compatibility',
    ]);
  });
});
