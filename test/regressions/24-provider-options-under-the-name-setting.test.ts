// docs/wandb-wire-format.md, recurring bug 24.
// opencode creates a provider with `createX({ name: providerID, ...options })` and keys per-model
// options by that id (https://github.com/anomalyco/opencode/issues/16338 quotes
// `bundledFn({ name: model.providerID, ...options })`); `@ai-sdk/openai-compatible` reads them from
// `providerOptions[name]` and its camelCase form. Under any id but `wandb` ours were silently dropped.
import { generateText } from 'ai';
import { streamText as streamTextV6 } from 'ai-v6';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb } from '../../src/index';
import { createWandb as createWandbV3 } from '../../src/v3/index';
import {
  completion,
  startFakeWandbServer,
  textStream,
  type FakeWandbServer,
} from '../fake-wandb-server';
import { API_KEY, MODEL_ID, errorFrom, lastRequest } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const settings = () => ({ name: 'wandb-inference', apiKey: API_KEY, baseURL: server.baseURL });

describe('the name setting', () => {
  it('model.provider is <name>.chat (default wandb.chat)', () => {
    expect(createWandb(settings())(MODEL_ID).provider).toBe('wandb-inference.chat');
    expect(createWandb({ apiKey: API_KEY })(MODEL_ID).provider).toBe('wandb.chat');
  });

  it('generateText: options under providerOptions[name] reach the request body', async () => {
    server.chat({ type: 'json', body: completion({ content: 'ok' }) });
    await generateText({
      model: createWandb(settings())(MODEL_ID),
      prompt: 'Hi',
      providerOptions: {
        'wandb-inference': { reasoningEffort: 'low', extraBody: { top_k: 20 } },
      },
    });
    expect(lastRequest(server).body).toMatchObject({ reasoning_effort: 'low', top_k: 20 });
  });

  it('the camelCase key and providerOptions.wandb are read too; the name key wins per option', async () => {
    server.chat({ type: 'json', body: completion({ content: 'ok' }) });
    await generateText({
      model: createWandb(settings())(MODEL_ID),
      prompt: 'Hi',
      providerOptions: {
        wandb: { cacheSalt: 'from-wandb', reasoningEffort: 'high', extraBody: { top_k: 1 } },
        wandbInference: { reasoningEffort: 'medium', extraBody: { min_p: 0.1 } },
      },
    });
    expect(lastRequest(server).body).toMatchObject({
      cache_salt: 'from-wandb',
      reasoning_effort: 'medium',
      top_k: 1,
      min_p: 0.1,
    });
  });

  it('an unknown option under the name key is refused, naming that key', async () => {
    const before = server.requests.length;
    const error = await errorFrom(() =>
      generateText({
        model: createWandb(settings())(MODEL_ID),
        prompt: 'Hi',
        providerOptions: { 'wandb-inference': { reasoningEfort: 'low' } },
      }),
    );
    expect((error as Error).message).toContain('providerOptions.wandb-inference.reasoningEfort');
    expect(server.requests.length).toBe(before);
  });

  it('ai@6 on /v3 with a name: options under that key are sent', async () => {
    server.chat({ type: 'sse', events: textStream('ok') });
    const result = streamTextV6({
      model: createWandbV3(settings())(MODEL_ID),
      prompt: 'Hi',
      providerOptions: { 'wandb-inference': { enableThinking: false } },
    });
    expect(await result.text).toBe('ok');
    expect(lastRequest(server).body.chat_template_kwargs).toEqual({ enable_thinking: false });
  });

  it('a name that cannot be a providerOptions key is refused at construction', () => {
    expect(() => createWandb({ name: 'my wandb' })).toThrow(/name setting/);
    expect(() => createWandb({ name: '' })).toThrow(/name setting/);
  });
});
