// docs/wandb-wire-format.md, recurring bug 15: vercel/ai#11838 "Accept non-OpenAI provider options" (v5 #11904), #11842, #14135, #14177 (warning),
// #11799 (transformRequestBody); OpenRouterTeam/ai-sdk-provider#20 (per-call extra body), #2 (extraBody); anomalyco/opencode#6762.
import { InvalidArgumentError, type LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb } from '../../src/index';
import {
  completion,
  startFakeWandbServer,
  textStream,
  type FakeWandbServer,
} from '../fake-wandb-server';
import { MODEL_ID, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const wandb = () => createWandb({ apiKey: 'test-key', baseURL: server.baseURL });

async function sentBody(options: Omit<LanguageModelV4CallOptions, 'prompt'>) {
  server.chat({ type: 'json', body: completion({ content: 'ok' }) });
  await wandb()(MODEL_ID).doGenerate({ prompt: userPrompt(), ...options });
  return server.requests.at(-1)!.body;
}

/** No reply is queued: a request that should never be sent gets the fake server's 599. */
function rejectionOf(wandbOptions: Record<string, any>) {
  return Promise.resolve(
    wandb()(MODEL_ID).doGenerate({
      prompt: userPrompt(),
      providerOptions: { wandb: wandbOptions },
    }),
  ).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
}

describe('providerOptions.wandb reach the wire (vercel/ai#11838, OpenRouter#20, #2)', () => {
  it('maps the typed camelCase options to W&B snake_case fields', async () => {
    const body = await sentBody({
      providerOptions: {
        wandb: {
          enableThinking: true,
          reasoningEffort: 'high',
          cacheSalt: 'tenant-42',
          parallelToolCalls: false,
          logitBias: { '50256': -100 },
          user: 'end-user-7',
        },
      },
    });
    expect(body).toMatchObject({
      chat_template_kwargs: { enable_thinking: true },
      reasoning_effort: 'high',
      cache_salt: 'tenant-42',
      parallel_tool_calls: false,
      logit_bias: { '50256': -100 },
      user: 'end-user-7',
    });
    for (const key of [
      'enableThinking',
      'reasoningEffort',
      'cacheSalt',
      'parallelToolCalls',
      'logitBias',
      'extraBody',
    ]) {
      expect(body).not.toHaveProperty(key);
    }
  });

  it('merges extraBody last, so it can add fields and override provider-set ones', async () => {
    const body = await sentBody({
      temperature: 0.9,
      providerOptions: {
        wandb: { extraBody: { top_k: 40, repetition_penalty: 1.1, temperature: 0.2 } },
      },
    });
    expect(body).toMatchObject({ top_k: 40, repetition_penalty: 1.1, temperature: 0.2 });
    expect(body.model).toBe(MODEL_ID);
    expect(body.messages).toHaveLength(1);
  });

  it('maps the V4 `reasoning` call option to reasoning_effort', async () => {
    const body = await sentBody({ reasoning: 'high' });
    expect(body.reasoning_effort).toBe('high');
  });

  it('rejects unknown keys instead of silently ignoring them, naming the key', async () => {
    const error = await rejectionOf({ topK: 5 });
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('topK');
  });

  it('rejects ill-typed values, naming the key', async () => {
    const error = await rejectionOf({ cacheSalt: 5 });
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('cacheSalt');
  });

  it('streamText: per-call providerOptions land in the streamed request body', async () => {
    server.chat({ type: 'sse', events: textStream('ok') });
    const result = streamText({
      model: wandb()(MODEL_ID),
      prompt: 'hi',
      providerOptions: { wandb: { cacheSalt: 'per-call', extraBody: { top_k: 7 } } },
    });
    expect(await result.text).toBe('ok');
    expect(server.requests.at(-1)!.body).toMatchObject({
      stream: true,
      cache_salt: 'per-call',
      top_k: 7,
    });
  });
});
