/**
 * The model catalog, per-model reasoning levels and log probabilities, end to end through the
 * real `ai@7` functions against the fake W&B server.
 */
import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { wandbModelFacts } from '../../src/catalog/wandb-model-catalog.generated';
import { chunk, completion, textStream, usageChunk } from '../support/wire';
import { providerFor, useFakeWandbServer } from '../support/fake-wandb';
import { lastRequest } from '../helpers';

const server = useFakeWandbServer();

const TEXT_ONLY = 'meta-llama/Llama-3.3-70B-Instruct';
const ALWAYS_ON_WITH_EFFORTS = 'zai-org/GLM-5.3-Flash'; // low, high, max
const ALWAYS_ON = 'moonshotai/Kimi-K2.6';
const LORA = 'wandb-artifact:///my-team/my-project/my-lora:v1';
const PIXEL = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const imagePrompt = [
  {
    role: 'user' as const,
    content: [
      { type: 'text' as const, text: 'What is this?' },
      { type: 'image' as const, image: PIXEL, mediaType: 'image/png' },
    ],
  },
];

async function generate(modelId: string, options: Record<string, unknown> = {}) {
  server.chat({ type: 'json', body: completion({ content: 'ok' }) });
  const result = await generateText({
    model: providerFor(server)(modelId),
    prompt: 'Hi',
    ...options,
  } as Parameters<typeof generateText>[0]);
  return { result, body: lastRequest(server).body };
}

describe('catalog warnings (help, never block)', () => {
  it('warns before sending an image to a model the catalog lists as text-only, and still sends it', async () => {
    const { result, body } = await generate(TEXT_ONLY, {
      prompt: undefined,
      messages: imagePrompt,
    });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ type: 'unsupported', feature: 'image input' }),
    );
    expect(JSON.stringify(body.messages)).toContain('data:image/png;base64,');
  });

  it('does not warn for an image to a model that takes images', async () => {
    const { result } = await generate('google/gemma-4-31B-it', {
      prompt: undefined,
      messages: imagePrompt,
    });
    expect(result.warnings).toEqual([]);
  });

  it('warns when reasoning none goes to an always-on model whose levels it does not know', async () => {
    const { result, body } = await generate(ALWAYS_ON, { reasoning: 'none' });
    expect(result.warnings).toEqual([
      expect.objectContaining({
        type: 'compatibility',
        feature: 'reasoning',
        details: expect.stringContaining('always reasoning'),
      }),
    ]);
    expect(body.chat_template_kwargs).toEqual({ enable_thinking: false });
  });

  it('warns when providerOptions.wandb.reasoningEffort is a level the model does not list, and sends it', async () => {
    const { result, body } = await generate(ALWAYS_ON_WITH_EFFORTS, {
      providerOptions: { wandb: { reasoningEffort: 'medium' } },
    });
    expect(body.reasoning_effort).toBe('medium');
    expect(result.warnings).toEqual([
      expect.objectContaining({
        type: 'compatibility',
        feature: 'providerOptions.wandb.reasoningEffort',
        details: expect.stringContaining('low, high, max'),
      }),
    ]);
  });

  it('warns when a reasoning level goes to a model the catalog lists as not reasoning, and sends it', async () => {
    const { result, body } = await generate(TEXT_ONLY, { reasoning: 'high' });
    expect(body.reasoning_effort).toBe('high');
    expect(result.warnings).toEqual([
      expect.objectContaining({
        type: 'compatibility',
        feature: 'reasoning',
        details: expect.stringContaining('does not reason'),
      }),
    ]);
    const none = await generate(TEXT_ONLY, { reasoning: 'none' });
    expect(none.result.warnings).toEqual([]);
    expect(none.body.chat_template_kwargs).toEqual({ enable_thinking: false });
  });

  it('gives unknown ids (LoRA artifacts, new models) no warnings and passes everything through', async () => {
    for (const modelId of [LORA, 'someone/brand-new-model']) {
      const { result, body } = await generate(modelId, {
        messages: imagePrompt,
        prompt: undefined,
        reasoning: 'xhigh',
      });
      expect(result.warnings).toEqual([]);
      expect(body.model).toBe(modelId);
      expect(body.reasoning_effort).toBe('xhigh');
    }
  });
});

describe('reasoning levels per model', () => {
  it.each([
    ['low', 'low', false],
    ['minimal', 'low', true],
    ['medium', 'low', true],
    ['high', 'high', false],
    ['xhigh', 'high', true],
    ['max', 'max', false],
  ] as const)('maps reasoning %s to the listed effort %s', async (reasoning, sent, warned) => {
    const { result, body } = await generate(ALWAYS_ON_WITH_EFFORTS, { reasoning });
    expect(body.reasoning_effort).toBe(sent);
    expect(body).not.toHaveProperty('chat_template_kwargs');
    expect(result.warnings).toEqual(
      warned ? [expect.objectContaining({ type: 'compatibility', feature: 'reasoning' })] : [],
    );
  });

  it('maps reasoning none on an always-on model with listed levels to its lowest level', async () => {
    const { result, body } = await generate(ALWAYS_ON_WITH_EFFORTS, { reasoning: 'none' });
    expect(body.reasoning_effort).toBe('low');
    expect(body).not.toHaveProperty('chat_template_kwargs');
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'compatibility', feature: 'reasoning' }),
    ]);
  });

  it('keeps the provider option over the reasoning call option', async () => {
    const { body } = await generate(ALWAYS_ON_WITH_EFFORTS, {
      reasoning: 'none',
      providerOptions: { wandb: { reasoningEffort: 'max' } },
    });
    expect(body.reasoning_effort).toBe('max');
  });

  it('passes levels through for a model whose levels the catalog does not list', async () => {
    const { result, body } = await generate('deepseek-ai/DeepSeek-V4-Pro-0813', {
      reasoning: 'xhigh',
    });
    expect(body.reasoning_effort).toBe('xhigh');
    expect(result.warnings).toEqual([]);
  });
});

describe('the catalog for a model picker', () => {
  it('wandb.models lists every catalog record as an AI SDK ModelEntry with its facts', () => {
    const models = providerFor(server).models;
    expect(models.map(model => model.id)).toEqual(wandbModelFacts.map(facts => facts.id));
    const glm = models.find(model => model.id === ALWAYS_ON_WITH_EFFORTS);
    expect(glm).toMatchObject({
      imageInput: true,
      reasoning: 'always-on',
      reasoningEfforts: ['low', 'high', 'max'],
      entry: {
        capabilities: {
          language: {
            inputs: { image: true },
            reasoning: { support: true, efforts: ['low', 'high', 'max'] },
          },
        },
      },
    });
    const llama = models.find(model => model.id === TEXT_ONLY);
    expect(llama?.entry.capabilities.language?.inputs.image).toBe(false);
  });

  it('listModels({ details: true }) merges the live ids with the catalog records', async () => {
    server.models({
      type: 'json',
      body: {
        object: 'list',
        data: [
          { id: TEXT_ONLY, object: 'model' },
          { id: LORA, object: 'model' },
        ],
      },
    });
    const listed = await providerFor(server).listModels({ details: true });
    expect(listed).toEqual([
      { id: TEXT_ONLY, catalog: expect.objectContaining({ id: TEXT_ONLY, contextWindow: 128000 }) },
      { id: LORA },
    ]);
  });
});

const tokenLogprobs = (token: string) => ({
  token,
  logprob: -0.25,
  bytes: [...new TextEncoder().encode(token)],
  top_logprobs: [
    { token, logprob: -0.25, bytes: [...new TextEncoder().encode(token)] },
    { token: 'x', logprob: -2.5, bytes: [120] },
  ],
});

describe('log probabilities (if the model serves them)', () => {
  it('sends logprobs / top_logprobs and returns them under providerMetadata.wandb.logprobs', async () => {
    server.chat({
      type: 'json',
      body: {
        ...completion({ content: 'Hi there' }),
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: 'Hi there' },
            logprobs: { content: [tokenLogprobs('Hi'), tokenLogprobs(' there')] },
            finish_reason: 'stop',
          },
        ],
      },
    });
    const result = await generateText({
      model: providerFor(server)('openai/gpt-oss-120b'),
      prompt: 'Hi',
      providerOptions: { wandb: { topLogprobs: 2 } },
    });
    expect(lastRequest(server).body).toMatchObject({ logprobs: true, top_logprobs: 2 });
    expect(result.providerMetadata?.wandb?.logprobs).toEqual([
      tokenLogprobs('Hi'),
      tokenLogprobs(' there'),
    ]);
  });

  it('collects them across stream chunks into the finish metadata', async () => {
    const withLogprobs = (content: string) => ({
      ...chunk({ content }),
      choices: [{ index: 0, delta: { content }, logprobs: { content: [tokenLogprobs(content)] } }],
    });
    server.chat({
      type: 'sse',
      events: [withLogprobs('Hi'), withLogprobs(' there'), chunk({}, 'stop'), usageChunk()],
    });
    const result = streamText({
      model: providerFor(server)('openai/gpt-oss-120b'),
      prompt: 'Hi',
      providerOptions: { wandb: { logprobs: true } },
    });
    expect(await result.text).toBe('Hi there');
    expect(lastRequest(server).body).toMatchObject({ logprobs: true });
    expect(lastRequest(server).body).not.toHaveProperty('top_logprobs');
    expect((await result.providerMetadata)?.wandb?.logprobs).toEqual([
      tokenLogprobs('Hi'),
      tokenLogprobs(' there'),
    ]);
  });

  it('returns no logprobs metadata when the model serves none, and sends no logprobs when not asked', async () => {
    server.chat({ type: 'sse', events: textStream('ok') });
    const asked = streamText({
      model: providerFor(server)('openai/gpt-oss-120b'),
      prompt: 'Hi',
      providerOptions: { wandb: { logprobs: true } },
    });
    await asked.text;
    expect((await asked.providerMetadata)?.wandb?.logprobs).toBeUndefined();

    const { body, result } = await generate('openai/gpt-oss-120b');
    expect(body).not.toHaveProperty('logprobs');
    expect(result.providerMetadata?.wandb).toBeUndefined();
  });

  it('rejects an out-of-range topLogprobs naming the option', async () => {
    await expect(
      generateText({
        model: providerFor(server)('openai/gpt-oss-120b'),
        prompt: 'Hi',
        providerOptions: { wandb: { topLogprobs: 21 } },
      }),
    ).rejects.toThrow(/providerOptions\.wandb\.topLogprobs/);
  });
});
