/**
 * The faces' translations, fed by a scripted LanguageModelV4 (no HTTP): what each interface
 * version cannot carry, and how each face carries it instead.
 */
import {
  NoSuchModelError,
  UnsupportedFunctionalityError,
  type LanguageModelV4,
  type LanguageModelV4CallOptions,
  type LanguageModelV4GenerateResult,
  type LanguageModelV4StreamPart,
  type LanguageModelV4Usage,
} from '@ai-sdk/provider';
import type { LanguageModelV1CallOptions } from '@ai-sdk/provider-v1';
import { streamText as streamTextV4 } from 'ai-v4';
import { describe, expect, it } from 'vitest';
import { createWandb as createWandbV1 } from '../../src/v1/index';
import { WandbV1LanguageModel } from '../../src/v1/wandb-v1-language-model';
import { createWandb as createWandbV2 } from '../../src/v2/index';
import { WandbV2LanguageModel } from '../../src/v2/wandb-v2-language-model';
import { createWandb as createWandbV3 } from '../../src/v3/index';
import { WandbV3LanguageModel } from '../../src/v3/wandb-v3-language-model';
import { errorFrom, NO_USAGE } from '../helpers';

const usage: LanguageModelV4Usage = {
  inputTokens: { total: 10, noCache: 4, cacheRead: 6, cacheWrite: undefined },
  outputTokens: { total: 7, text: 5, reasoning: 2 },
};

/** A V4 model that answers with the given result or parts and records the options it got. */
function scriptedModel(
  answer: {
    result?: Partial<LanguageModelV4GenerateResult>;
    parts?: LanguageModelV4StreamPart[];
  } = {},
) {
  const calls: LanguageModelV4CallOptions[] = [];
  const model: LanguageModelV4 = {
    specificationVersion: 'v4',
    provider: 'wandb.chat',
    modelId: 'openai/gpt-oss-120b',
    supportedUrls: { 'image/*': [/^https?:\/\/.*$/] },
    async doGenerate(options) {
      calls.push(options);
      return {
        content: [],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage,
        warnings: [],
        request: {
          url: 'http://127.0.0.1/v1/chat/completions',
          body: { model: 'm', messages: [{ role: 'user', content: 'Hi' }], temperature: 0 },
        },
        ...answer.result,
      };
    },
    async doStream(options) {
      calls.push(options);
      return {
        stream: new ReadableStream({
          start(controller) {
            for (const part of answer.parts ?? []) controller.enqueue(part);
            controller.close();
          },
        }),
        request: { body: { model: 'm', messages: [], stream: true } },
        response: { headers: { 'x-request-id': 'r1' } },
      };
    },
  };
  return { model, calls };
}

async function readAll<T>(stream: ReadableStream<T>): Promise<T[]> {
  const parts: T[] = [];
  for await (const part of stream as unknown as AsyncIterable<T>) parts.push(part);
  return parts;
}

const finish: LanguageModelV4StreamPart = {
  type: 'finish',
  finishReason: { unified: 'stop', raw: 'stop' },
  usage,
};

describe('providers', () => {
  it('carry the specificationVersion where the interface has one, and refuse embedding and image models', () => {
    const v3 = createWandbV3({ apiKey: 'k' });
    expect(v3.specificationVersion).toBe('v3');
    expect(v3('openai/gpt-oss-120b').specificationVersion).toBe('v3');
    expect(() => v3.embeddingModel('x')).toThrow(NoSuchModelError);
    for (const provider of [createWandbV2({ apiKey: 'k' }), createWandbV1({ apiKey: 'k' })]) {
      expect('specificationVersion' in provider).toBe(false);
      expect(() => provider.textEmbeddingModel('x')).toThrow(NoSuchModelError);
      expect(() => provider.imageModel?.('x')).toThrow(NoSuchModelError);
      expect(typeof provider.listModels).toBe('function');
    }
    expect(createWandbV2({ apiKey: 'k' }).chatModel('a/b').specificationVersion).toBe('v2');
    expect(createWandbV1({ apiKey: 'k' }).languageModel('a/b').specificationVersion).toBe('v1');
  });

  it('check settings like the root provider', () => {
    expect(() => createWandbV1({ baseURL: 'ftp://x' })).toThrow(/baseURL/);
    expect(() => createWandbV3({ project: 'no-slash' })).toThrow(/project/);
    expect(() => createWandbV2()('')).toThrow(/model id/);
  });
});

describe('V3 face (ai@6)', () => {
  it('tags file data and folds tool-result content into V4 files', async () => {
    const { model, calls } = scriptedModel();
    const bytes = new Uint8Array([1, 2, 3]);
    await new WandbV3LanguageModel(model).doGenerate({
      prompt: [
        {
          role: 'user',
          content: [
            { type: 'file', data: bytes, mediaType: 'image/png' },
            { type: 'file', data: new URL('https://x.test/a.png'), mediaType: 'image/png' },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 't',
              toolName: 'n',
              output: {
                type: 'content',
                value: [
                  { type: 'image-data', data: 'AAEC', mediaType: 'image/png' },
                  { type: 'image-url', url: 'https://x.test/b.png' },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(calls[0].prompt[0].content).toMatchObject([
      { type: 'file', data: { type: 'data', data: bytes } },
      { type: 'file', data: { type: 'url', url: new URL('https://x.test/a.png') } },
    ]);
    expect(calls[0].prompt[1].content[0]).toMatchObject({
      output: {
        type: 'content',
        value: [
          { type: 'file', data: { type: 'data', data: 'AAEC' }, mediaType: 'image/png' },
          { type: 'file', data: { type: 'url' }, mediaType: 'image/*' },
        ],
      },
    });
  });

  it('refuses a bare file id in a tool result, which V4 cannot attribute to a provider', async () => {
    const error = await errorFrom(() =>
      new WandbV3LanguageModel(scriptedModel().model).doGenerate({
        prompt: [
          {
            role: 'tool',
            content: [
              {
                type: 'tool-result',
                toolCallId: 't',
                toolName: 'n',
                output: { type: 'content', value: [{ type: 'file-id', fileId: 'file-1' }] },
              },
            ],
          },
        ],
      }),
    );
    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('file-1');
  });

  it('drops content V3 cannot carry with a warning, strips citations, maps interrupted and deprecated', async () => {
    const { model } = scriptedModel({
      result: {
        content: [
          { type: 'text', text: 'hi', citations: [] },
          { type: 'custom', kind: 'x.y' },
          {
            type: 'file',
            mediaType: 'image/png',
            data: { type: 'url', url: new URL('https://x.test/c.png') },
          },
          { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'AAEC' } },
        ],
        finishReason: { unified: 'interrupted', raw: undefined },
        warnings: [{ type: 'deprecated', setting: 'seed', message: 'use something else' }],
      },
    });
    const result = await new WandbV3LanguageModel(model).doGenerate({ prompt: [] });
    expect(result.content).toEqual([
      { type: 'text', text: 'hi' },
      { type: 'file', mediaType: 'image/png', data: 'AAEC', providerMetadata: undefined },
    ]);
    expect(result.finishReason).toEqual({ unified: 'other', raw: undefined });
    expect(result.warnings).toEqual([
      { type: 'other', message: 'seed is deprecated: use something else' },
      expect.objectContaining({ type: 'other', message: expect.stringContaining('custom') }),
      expect.objectContaining({ type: 'other', message: expect.stringContaining('file') }),
    ]);
    expect(result.request).toEqual({ body: expect.objectContaining({ model: 'm' }) });
  });

  it('streams every part V3 knows, in order, and drops ping, custom and reasoning-file parts', async () => {
    const { model } = scriptedModel({
      parts: [
        { type: 'stream-start', warnings: [] },
        { type: 'ping' },
        { type: 'text-start', id: '0' },
        { type: 'custom', kind: 'x.y' },
        { type: 'text-delta', id: '0', delta: 'Hi' },
        { type: 'reasoning-file', mediaType: 'image/png', data: { type: 'data', data: 'AA' } },
        { type: 'text-end', id: '0', citations: [] },
        finish,
      ],
    });
    const { stream, response } = await new WandbV3LanguageModel(model).doStream({ prompt: [] });
    expect(response).toEqual({ headers: { 'x-request-id': 'r1' } });
    expect(await readAll(stream)).toEqual([
      { type: 'stream-start', warnings: [] },
      { type: 'text-start', id: '0' },
      { type: 'text-delta', id: '0', delta: 'Hi' },
      { type: 'text-end', id: '0' },
      {
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'stop' },
        usage,
        providerMetadata: undefined,
      },
    ]);
  });
});

describe('V2 face (ai@5)', () => {
  it('renames provider-defined tools and splits tool-result media into image and file data', async () => {
    const { model, calls } = scriptedModel();
    await new WandbV2LanguageModel(model).doGenerate({
      prompt: [
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 't',
              toolName: 'n',
              output: {
                type: 'content',
                value: [
                  { type: 'media', data: 'AAEC', mediaType: 'image/png' },
                  { type: 'media', data: 'JVBE', mediaType: 'application/pdf' },
                ],
              },
            },
          ],
        },
      ],
      tools: [{ type: 'provider-defined', id: 'x.search', name: 'search', args: {} }],
    });
    expect(calls[0].tools).toEqual([
      { type: 'provider', id: 'x.search', name: 'search', args: {} },
    ]);
    expect(calls[0].prompt[0].content[0]).toMatchObject({
      output: {
        value: [
          { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'AAEC' } },
          { type: 'file', mediaType: 'application/pdf' },
        ],
      },
    });
  });

  it('flattens usage, makes the finish reason a string and names settings in warnings', async () => {
    const { model } = scriptedModel({
      result: {
        content: [
          { type: 'tool-approval-request', approvalId: 'a', toolCallId: 't' },
          { type: 'tool-call', toolCallId: 't', toolName: 'n', input: '{}', dynamic: true },
        ],
        finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
        warnings: [
          { type: 'unsupported', feature: 'topK', details: 'not sent' },
          { type: 'unsupported', feature: 'provider tool x.search', details: 'not sent' },
          { type: 'compatibility', feature: 'responseFormat', details: 'schema in the prompt' },
        ],
      },
    });
    const result = await new WandbV2LanguageModel(model).doGenerate({ prompt: [] });
    expect(result.usage).toEqual({
      inputTokens: 10,
      outputTokens: 7,
      totalTokens: 17,
      reasoningTokens: 2,
      cachedInputTokens: 6,
    });
    expect(result.finishReason).toBe('tool-calls');
    expect(result.content).toEqual([
      { type: 'tool-call', toolCallId: 't', toolName: 'n', input: '{}' },
    ]);
    expect(result.warnings).toEqual([
      { type: 'unsupported-setting', setting: 'topK', details: 'not sent' },
      { type: 'other', message: 'provider tool x.search is not supported: not sent' },
      {
        type: 'other',
        message: 'responseFormat runs in a compatibility mode: schema in the prompt',
      },
      expect.objectContaining({
        type: 'other',
        message: expect.stringContaining('tool-approval-request'),
      }),
    ]);
  });

  it('keeps unknown token counts unknown', async () => {
    const { model } = scriptedModel({
      parts: [
        { type: 'finish', finishReason: { unified: 'stop', raw: undefined }, usage: NO_USAGE },
      ],
    });
    const { stream } = await new WandbV2LanguageModel(model).doStream({ prompt: [] });
    expect(await readAll(stream)).toEqual([
      {
        type: 'finish',
        finishReason: 'stop',
        usage: {
          inputTokens: undefined,
          outputTokens: undefined,
          totalTokens: undefined,
          reasoningTokens: undefined,
          cachedInputTokens: undefined,
        },
        providerMetadata: undefined,
      },
    ]);
  });
});

describe('V1 face (ai@4)', () => {
  const v1Options = (
    overrides: Partial<LanguageModelV1CallOptions>,
  ): LanguageModelV1CallOptions => ({
    inputFormat: 'messages',
    mode: { type: 'regular' },
    prompt: [],
    ...overrides,
  });

  it('states its capabilities: JSON mode by default, enforced schemas, image URLs sent as they are', () => {
    const model = new WandbV1LanguageModel(scriptedModel().model);
    expect(model).toMatchObject({
      defaultObjectGenerationMode: 'json',
      supportsStructuredOutputs: true,
      supportsImageUrls: true,
    });
    expect(model.supportsUrl(new URL('https://x.test/a.png'))).toBe(true);
    expect(model.supportsUrl(new URL('ftp://x.test/a.png'))).toBe(false);
  });

  it('moves mode, maxTokens and providerMetadata to their V2+ places', async () => {
    const { model, calls } = scriptedModel();
    const face = new WandbV1LanguageModel(model);
    const schema = { type: 'object' as const, properties: { a: { type: 'number' as const } } };
    await face.doGenerate(
      v1Options({
        mode: { type: 'object-tool', tool: { type: 'function', name: 'json', parameters: schema } },
        maxTokens: 50,
        providerMetadata: { wandb: { cacheSalt: 's' } },
      }),
    );
    await face.doGenerate(v1Options({ mode: { type: 'object-json', schema, name: 'thing' } }));
    await face.doGenerate(
      v1Options({
        mode: {
          type: 'regular',
          tools: [{ type: 'function', name: 'f', parameters: schema }],
          toolChoice: { type: 'required' },
        },
      }),
    );
    expect(calls[0]).toMatchObject({
      tools: [{ type: 'function', name: 'json', inputSchema: schema }],
      toolChoice: { type: 'tool', toolName: 'json' },
      maxOutputTokens: 50,
      providerOptions: { wandb: { cacheSalt: 's' } },
    });
    expect(calls[0]).not.toHaveProperty('mode');
    expect(calls[0]).not.toHaveProperty('inputFormat');
    expect(calls[1]).toMatchObject({ responseFormat: { type: 'json', schema, name: 'thing' } });
    expect(calls[1].tools).toBeUndefined();
    expect(calls[2]).toMatchObject({
      tools: [{ type: 'function', name: 'f', inputSchema: schema }],
      toolChoice: { type: 'required' },
    });
  });

  it('converts the V1 prompt: images, tool calls, typed tool results, and warns about redacted reasoning', async () => {
    const { model, calls } = scriptedModel();
    const result = await new WandbV1LanguageModel(model).doGenerate(
      v1Options({
        prompt: [
          {
            role: 'user',
            content: [{ type: 'image', image: new Uint8Array([1]) }],
            providerMetadata: { wandb: { x: 1 } },
          },
          {
            role: 'assistant',
            content: [
              { type: 'redacted-reasoning', data: 'secret' },
              { type: 'reasoning', text: 'think', signature: 'sig' },
              { type: 'tool-call', toolCallId: 'a', toolName: 'f', args: { q: 1 } },
            ],
          },
          {
            role: 'tool',
            content: [
              { type: 'tool-result', toolCallId: 'a', toolName: 'f', result: 'plain' },
              { type: 'tool-result', toolCallId: 'b', toolName: 'f', result: { ok: true } },
              {
                type: 'tool-result',
                toolCallId: 'c',
                toolName: 'f',
                result: 'boom',
                isError: true,
              },
              { type: 'tool-result', toolCallId: 'd', toolName: 'f', result: undefined },
            ],
          },
        ],
      }),
    );
    const [user, assistant, tool] = calls[0].prompt;
    expect(user).toMatchObject({
      providerOptions: { wandb: { x: 1 } },
      content: [{ type: 'file', mediaType: 'image/*', data: { type: 'data' } }],
    });
    expect(assistant.content).toEqual([
      { type: 'reasoning', text: 'think', providerOptions: undefined },
      {
        type: 'tool-call',
        toolCallId: 'a',
        toolName: 'f',
        input: { q: 1 },
        providerOptions: undefined,
      },
    ]);
    expect(
      tool.role === 'tool' &&
        tool.content.map(part => (part.type === 'tool-result' ? part.output : undefined)),
    ).toEqual([
      { type: 'text', value: 'plain' },
      { type: 'json', value: { ok: true } },
      { type: 'error-text', value: 'boom' },
      { type: 'json', value: null },
    ]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ type: 'other', message: expect.stringContaining('redacted') }),
    );
  });

  it('returns text, reasoning and tool calls as V1 fields, with rawCall and V1 warnings', async () => {
    const { model } = scriptedModel({
      result: {
        content: [
          { type: 'reasoning', text: 'Hmm' },
          { type: 'text', text: 'A' },
          { type: 'text', text: 'B' },
          { type: 'tool-call', toolCallId: 't', toolName: 'f', input: '{"a":1}' },
        ],
        warnings: [
          { type: 'unsupported', feature: 'topK' },
          { type: 'unsupported', feature: 'maxOutputTokens' },
        ],
        response: { id: 'r', modelId: 'm', headers: { h: '1' }, body: { raw: true } },
      },
    });
    const result = await new WandbV1LanguageModel(model).doGenerate(v1Options({}));
    expect(result).toMatchObject({
      text: 'AB',
      reasoning: 'Hmm',
      toolCalls: [{ toolCallType: 'function', toolCallId: 't', toolName: 'f', args: '{"a":1}' }],
      usage: { promptTokens: 10, completionTokens: 7 },
      rawCall: {
        rawPrompt: [{ role: 'user', content: 'Hi' }],
        rawSettings: { model: 'm', temperature: 0 },
      },
      rawResponse: { headers: { h: '1' }, body: { raw: true } },
      response: { id: 'r', modelId: 'm' },
      warnings: [
        { type: 'unsupported-setting', setting: 'topK' },
        { type: 'unsupported-setting', setting: 'maxTokens' },
      ],
    });
    expect(JSON.parse(result.request?.body ?? '')).toMatchObject({ model: 'm', temperature: 0 });
  });

  it('reports no text as undefined and unknown token counts as NaN', async () => {
    const { model } = scriptedModel({
      result: {
        content: [],
        usage: {
          inputTokens: {
            total: undefined,
            noCache: undefined,
            cacheRead: undefined,
            cacheWrite: undefined,
          },
          outputTokens: { total: 3, text: 3, reasoning: undefined },
        },
      },
    });
    const result = await new WandbV1LanguageModel(model).doGenerate(v1Options({}));
    expect(result.text).toBeUndefined();
    expect(result.usage.promptTokens).toBeNaN();
    expect(result.usage.completionTokens).toBe(3);
  });

  it('streams V1 parts: warnings on the result, tool-call deltas with their tool name, no markers', async () => {
    const { model } = scriptedModel({
      parts: [
        { type: 'stream-start', warnings: [{ type: 'unsupported', feature: 'topK' }] },
        { type: 'response-metadata', id: 'r', modelId: 'm' },
        { type: 'reasoning-start', id: 'r0' },
        { type: 'reasoning-delta', id: 'r0', delta: 'Hmm' },
        { type: 'reasoning-end', id: 'r0' },
        { type: 'text-start', id: '0' },
        { type: 'text-delta', id: '0', delta: 'Hi' },
        { type: 'text-end', id: '0' },
        { type: 'tool-input-start', id: 't', toolName: 'f' },
        { type: 'tool-input-delta', id: 't', delta: '{"a":' },
        { type: 'tool-input-delta', id: 't', delta: '1}' },
        { type: 'tool-input-end', id: 't' },
        { type: 'tool-call', toolCallId: 't', toolName: 'f', input: '{"a":1}' },
        { type: 'raw', rawValue: {} },
        finish,
      ],
    });
    const result = await new WandbV1LanguageModel(model).doStream(v1Options({}));
    expect(result.warnings).toEqual([
      { type: 'unsupported-setting', setting: 'topK', details: undefined },
    ]);
    expect(result.rawCall).toEqual({ rawPrompt: [], rawSettings: { model: 'm', stream: true } });
    expect(result.rawResponse).toEqual({ headers: { 'x-request-id': 'r1' } });
    expect(await readAll(result.stream)).toEqual([
      { type: 'response-metadata', id: 'r', modelId: 'm', timestamp: undefined },
      { type: 'reasoning', textDelta: 'Hmm' },
      { type: 'text-delta', textDelta: 'Hi' },
      {
        type: 'tool-call-delta',
        toolCallType: 'function',
        toolCallId: 't',
        toolName: 'f',
        argsTextDelta: '{"a":',
      },
      {
        type: 'tool-call-delta',
        toolCallType: 'function',
        toolCallId: 't',
        toolName: 'f',
        argsTextDelta: '1}',
      },
      {
        type: 'tool-call',
        toolCallType: 'function',
        toolCallId: 't',
        toolName: 'f',
        args: '{"a":1}',
      },
      {
        type: 'finish',
        finishReason: 'stop',
        usage: { promptTokens: 10, completionTokens: 7 },
        providerMetadata: undefined,
      },
    ]);
  });

  it('keeps the first part when a stream does not open with stream-start', async () => {
    const { model } = scriptedModel({
      parts: [{ type: 'text-delta', id: '0', delta: 'Hi' }, finish],
    });
    const result = await new WandbV1LanguageModel(model).doStream(v1Options({}));
    expect(result.warnings).toEqual([]);
    expect((await readAll(result.stream)).map(part => part.type)).toEqual(['text-delta', 'finish']);
  });

  it("never stalls ai@4's streamText, however many parts in a row V1 cannot carry", async () => {
    const dropped: LanguageModelV4StreamPart[] = Array.from({ length: 2000 }, (_, index) =>
      index % 2 === 0 ? { type: 'ping' } : { type: 'raw', rawValue: index },
    );
    const { model } = scriptedModel({
      parts: [
        { type: 'stream-start', warnings: [] },
        ...dropped,
        { type: 'text-start', id: '0' },
        { type: 'text-delta', id: '0', delta: 'done' },
        ...dropped,
        finish,
      ],
    });
    const result = streamTextV4({ model: new WandbV1LanguageModel(model), prompt: 'Hi' });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas).toEqual(['done']);
    expect(await result.finishReason).toBe('stop');
  });
});
