/**
 * The local W&B emulator behind `npm run example` and the Next.js app answers like W&B: its auth
 * errors, its model list, LoRA ids looked up in the project, and streams in many chunks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWandbEmulator, type WandbEmulator } from '../../examples/emulator/wandb-emulator.ts';
import { MISSING_KEY_BODY } from '../support/wire';

let emulator: WandbEmulator;
beforeAll(async () => {
  emulator = await startWandbEmulator({ delayMs: 0 });
});
afterAll(() => emulator.close());

const chat = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${emulator.baseURL}/chat/completions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${emulator.apiKey}`,
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(body),
  });

describe('the W&B emulator', () => {
  it('answers a request without a key with the body W&B was seen to send', async () => {
    const response = await fetch(`${emulator.baseURL}/models`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(MISSING_KEY_BODY);
  });

  it('lists the catalog in W&B’s shape', async () => {
    const response = await fetch(`${emulator.baseURL}/models`, {
      headers: { authorization: `Bearer ${emulator.apiKey}` },
    });
    const { object, data } = await response.json();
    expect(object).toBe('list');
    expect(data).toHaveLength(20);
    expect(data).toContainEqual({
      id: 'openai/gpt-oss-120b',
      object: 'model',
      created: 0,
      owned_by: 'system',
      root: 'openai/gpt-oss-120b',
    });
  });

  it('finds a LoRA artifact only in the project that the OpenAI-Project header names', async () => {
    const request = {
      model: 'wandb-artifact:///acme/support/bot:v1',
      messages: [{ role: 'user', content: 'refund?' }],
    };
    expect((await chat(request)).status).toBe(404);
    expect((await chat(request, { 'openai-project': 'other/project' })).status).toBe(404);
    const response = await chat(request, { 'openai-project': 'acme/support' });
    expect(response.status).toBe(200);
    expect((await response.json()).model).toBe('wandb-artifact:///acme/support/bot:v1');
  });

  it('streams reasoning, then text, one word per chunk, then a stop and usage', async () => {
    const response = await chat({
      model: 'openai/gpt-oss-20b',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'A bat and a ball…' }],
    });
    const events = (await response.text()).split('\n\n').filter(event => event !== '');
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map(event => JSON.parse(event.slice('data: '.length)));
    expect(
      chunks.every(chunk => chunk.model === 'openai/gpt-oss-20b' && chunk.id === chunks[0].id),
    ).toBe(true);
    const deltas = chunks.flatMap(chunk =>
      chunk.choices.map((choice: { delta: Record<string, string> }) => choice.delta),
    );
    const reasoningChunks = deltas.filter(delta => delta.reasoning != null).length;
    const textChunks = deltas.filter(delta => delta.content).length;
    expect(reasoningChunks).toBeGreaterThan(10);
    expect(textChunks).toBeGreaterThan(10);
    const lastReasoning = deltas.map(delta => delta.reasoning != null).lastIndexOf(true);
    expect(deltas.findIndex(delta => delta.content)).toBeGreaterThan(lastReasoning);
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: expect.any(Number) },
    });
  });
});
