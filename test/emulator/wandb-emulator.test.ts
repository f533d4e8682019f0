/**
 * The W&B emulator (`npx wandb-emulator`) over real HTTP: its wire format read raw, and the real
 * ai@7 functions (generateText, streamText, Output.object, a tool loop) through the provider.
 */
import { APICallError, generateText, Output, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EMULATED_ERRORS } from '../../src/emulator/emulator-errors';
import { startWandbEmulator, type WandbEmulator } from '../../src/emulator/wandb-emulator';
import { createWandb } from '../../src/index';
import { MISSING_KEY_BODY } from '../support/wire';

let emulator: WandbEmulator;
beforeAll(async () => {
  emulator = await startWandbEmulator();
});
afterAll(() => emulator.close());

const wandb = () => createWandb({ apiKey: 'any-key', baseURL: emulator.baseURL });

const post = (body: unknown, headers: Record<string, string> = { authorization: 'Bearer k' }) =>
  fetch(`${emulator.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function sseChunks(response: Response) {
  const events = (await response.text()).split('\n\n').filter(event => event !== '');
  expect(events.at(-1)).toBe('data: [DONE]');
  return events.slice(0, -1).map(event => JSON.parse(event.replace(/^data: /, '')));
}

describe('the W&B emulator on the wire', () => {
  it('answers with text made from the prompt, the same each time, with usage', async () => {
    const request = { model: 'any/model', messages: [{ role: 'user', content: 'Name a colour' }] };
    const first = await (await post(request)).json();
    const second = await (await post(request)).json();
    expect(first).toMatchObject({
      object: 'chat.completion',
      model: 'any/model',
      choices: [{ index: 0, message: { role: 'assistant' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) },
    });
    expect(first.choices[0].message.content).toContain('"Name a colour"');
    expect(second.choices[0].message.content).toBe(first.choices[0].message.content);
    expect(first.choices[0].message.reasoning).toBeUndefined();
  });

  it('streams word by word; the usage chunk (choices: []) only with include_usage', async () => {
    const body = {
      model: 'meta-llama/Llama-3.3-70B-Instruct',
      stream: true,
      messages: [{ role: 'user', content: 'one two three' }],
    };
    const withUsage = await sseChunks(
      await post({ ...body, stream_options: { include_usage: true } }),
    );
    expect(withUsage[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    const pieces = withUsage.flatMap(chunk => chunk.choices.map((c: any) => c.delta.content ?? ''));
    expect(pieces.filter((piece: string) => piece !== '').length).toBeGreaterThan(10);
    expect(pieces.every((piece: string) => piece.trim().split(/\s+/).length <= 1)).toBe(true);
    expect(withUsage.at(-2).choices[0].finish_reason).toBe('stop');
    expect(withUsage.at(-1)).toMatchObject({
      choices: [],
      usage: { total_tokens: expect.any(Number) },
    });

    const withoutUsage = await sseChunks(await post(body));
    expect(withoutUsage.at(-1).choices[0].finish_reason).toBe('stop');
    expect(withoutUsage.some(chunk => chunk.usage != null)).toBe(false);
  });

  it('shows reasoning for reasoning models: Kimi as reasoning_content, the toggle and effort respected', async () => {
    const ask = (model: string, extra: object = {}) =>
      post({ model, messages: [{ role: 'user', content: 'Why?' }], ...extra }).then(r => r.json());
    const kimi = (await ask('moonshotai/Kimi-K2.6')).choices[0].message;
    expect(kimi.reasoning_content).toContain('"Why?"');
    const low = (await ask('openai/gpt-oss-120b', { reasoning_effort: 'low' })).choices[0].message;
    const high = (await ask('openai/gpt-oss-120b', { reasoning_effort: 'high' })).choices[0]
      .message;
    expect(high.reasoning.length).toBeGreaterThan(low.reasoning.length);
    const off = await ask('Qwen/Qwen3.6-35B-A3B', {
      chat_template_kwargs: { enable_thinking: false },
    });
    expect(off.choices[0].message.reasoning).toBeUndefined();
    const gemmaOn = await ask('google/gemma-4-31B-it', {
      chat_template_kwargs: { enable_thinking: true },
    });
    expect(gemmaOn.choices[0].message.reasoning).toEqual(expect.any(String));
  });

  it('answers json_object with a JSON object', async () => {
    const response = await post({
      model: 'm',
      messages: [{ role: 'user', content: 'Reply in JSON' }],
      response_format: { type: 'json_object' },
    });
    const content = JSON.parse((await response.json()).choices[0].message.content);
    expect(content).toEqual({ answer: expect.stringContaining('"Reply in JSON"') });
  });

  it('lists the catalog in W&B’s shape', async () => {
    const response = await fetch(`${emulator.baseURL}/models`, {
      headers: { authorization: 'Bearer k' },
    });
    const { object, data } = await response.json();
    expect(object).toBe('list');
    expect(data).toContainEqual({
      id: 'openai/gpt-oss-120b',
      object: 'model',
      created: 0,
      owned_by: 'system',
      root: 'openai/gpt-oss-120b',
    });
  });

  it('answers a request without a key, an unknown path and a bad body like W&B', async () => {
    const noKey = await fetch(`${emulator.baseURL}/models`);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toEqual(MISSING_KEY_BODY);
    const unknown = await fetch(`${emulator.baseURL}/embeddings`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { message: 'The requested resource was not found' },
    });
    const bad = await post({ messages: 'no' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain('`model`');
  });

  it.each(Object.keys(EMULATED_ERRORS).map(Number))(
    'answers the model id emulator/error-%i with that status and W&B’s body',
    async status => {
      const response = await post({ model: `emulator/error-${status}`, messages: [] });
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: EMULATED_ERRORS[status] });
    },
  );

  it('says which error ids exist when asked for one it does not have', async () => {
    const response = await post({ model: 'emulator/error-418', messages: [] });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('429');
  });
});

describe('the W&B emulator with ai@7', () => {
  it('generateText: text, reasoning and usage', async () => {
    const result = await generateText({
      model: wandb()('openai/gpt-oss-20b'),
      prompt: 'What is 17 * 23?',
    });
    expect(result.text).toContain('"What is 17 * 23?"');
    expect(result.reasoningText).toContain('The user asks');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it('streamText: many text deltas that add up to the text, then usage', async () => {
    const result = streamText({
      model: wandb()('deepseek-ai/DeepSeek-V3.1'),
      prompt: 'Write a haiku.',
    });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.length).toBeGreaterThan(10);
    expect(deltas.join('')).toBe(await result.text);
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
  });

  it('Output.object: an object that satisfies a nested schema, generated and streamed', async () => {
    const schema = z.object({
      city: z.string(),
      country: z.string(),
      population: z.number().int().min(1),
      districts: z.array(z.object({ name: z.string(), kind: z.enum(['old', 'new']) })).min(2),
    });
    const generated = await generateText({
      model: wandb()('Qwen/Qwen3.6-35B-A3B'),
      output: Output.object({ schema }),
      prompt: 'Where is the Eiffel Tower?',
    });
    expect(schema.parse(generated.output)).toEqual(generated.output);
    const streamed = streamText({
      model: wandb()('Qwen/Qwen3.6-35B-A3B'),
      output: Output.object({ schema }),
      prompt: 'Where is the Eiffel Tower?',
    });
    expect(await streamed.output).toEqual(generated.output);
  });

  it('a tool loop: the named tool is called with schema-built arguments, then the answer uses its result', async () => {
    const seen: unknown[] = [];
    const result = await generateText({
      model: wandb()('moonshotai/Kimi-K2.6'),
      tools: {
        search: tool({
          inputSchema: z.object({ query: z.string() }),
          execute: async () => ({ hits: 0 }),
        }),
        weather: tool({
          description: 'Current weather in a city',
          inputSchema: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
          execute: async input => {
            seen.push(input);
            return { celsius: 21 };
          },
        }),
      },
      stopWhen: stepCountIs(5),
      prompt: 'Use the weather tool: should I take a jacket in Paris today?',
    });
    expect(seen).toEqual([{ city: 'city', unit: 'celsius' }]);
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0].finishReason).toBe('tool-calls');
    expect(result.text).toBe('From the tool results: weather returned {"celsius":21}.');
  });

  it('streamText with tools: no tool is called when the prompt names none', async () => {
    const result = streamText({
      model: wandb()('zai-org/GLM-5.2'),
      tools: {
        weather: tool({ inputSchema: z.object({ city: z.string() }), execute: async () => 1 }),
      },
      stopWhen: stepCountIs(3),
      prompt: 'Tell me a joke.',
    });
    expect(await result.text).toContain('"Tell me a joke."');
    expect(await result.toolCalls).toEqual([]);
  });

  it('an error id reaches the caller as an APICallError with W&B’s message', async () => {
    const error = await generateText({
      model: wandb()('emulator/error-402'),
      prompt: 'Hi',
      maxRetries: 0,
    }).catch(caught => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(402);
    expect(error.message).toContain('You exceeded your current quota');
  });

  it('listModels reads the catalog', async () => {
    expect(await wandb().listModels()).toContain('openai/gpt-oss-120b');
  });
});
