// docs/wandb-wire-format.md, recurring bug 17: vercel/ai#8616 (withUserAgentSuffix); per-call merge via combineHeaders(provider, call);
// OpenRouter appName → X-OpenRouter-Title (the W&B analogue is the OpenAI-Project header).
import { generateText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb, type WandbProviderSettings } from '../../src/index';
import {
  completion,
  startFakeWandbServer,
  textStream,
  type FakeWandbServer,
} from '../fake-wandb-server';
import { MODEL_ID, readParts, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

async function sentHeaders(
  settings: Partial<WandbProviderSettings>,
  callHeaders?: Record<string, string>,
) {
  server.chat({ type: 'json', body: completion({ content: 'ok' }) });
  const model = createWandb({ apiKey: 'test-key', baseURL: server.baseURL, ...settings })(MODEL_ID);
  await model.doGenerate({ prompt: userPrompt(), headers: callHeaders });
  return server.requests.at(-1)!.headers;
}

describe('headers and identity (vercel/ai#8616)', () => {
  it('identifies itself in the user-agent and authenticates with a bearer key', async () => {
    const headers = await sentHeaders({});
    expect(headers['user-agent']).toContain('wandb-ai-provider/');
    expect(headers.authorization).toBe('Bearer test-key');
  });

  it('appends its suffix to a user-agent the user set, without clobbering it', async () => {
    const headers = await sentHeaders({ headers: { 'User-Agent': 'my-app/1.0' } });
    expect(headers['user-agent']).toContain('my-app/1.0');
    expect(headers['user-agent']).toContain('wandb-ai-provider/');
  });

  it('call headers override provider headers (whatever their case); both reach the server', async () => {
    const headers = await sentHeaders(
      { headers: { 'X-Team': 'provider', 'x-provider-only': 'p' } },
      { 'x-team': 'call', 'x-call-only': 'c' },
    );
    expect(headers['x-team']).toBe('call');
    expect(headers['x-provider-only']).toBe('p');
    expect(headers['x-call-only']).toBe('c');
  });

  it('sends the project as OpenAI-Project, and a call header can override it', async () => {
    expect((await sentHeaders({ project: 'my-team/my-project' }))['openai-project']).toBe(
      'my-team/my-project',
    );
    expect(
      (await sentHeaders({ project: 'my-team/my-project' }, { 'openai-project': 'other/p' }))[
        'openai-project'
      ],
    ).toBe('other/p');
    expect(await sentHeaders({})).not.toHaveProperty('openai-project');
  });

  it('keeps its suffix next to the ai/7 user-agent that generateText passes per call', async () => {
    server.chat({ type: 'json', body: completion({ content: 'ok' }) });
    await generateText({
      model: createWandb({ apiKey: 'test-key', baseURL: server.baseURL })(MODEL_ID),
      prompt: 'hi',
    });
    const userAgent = server.requests.at(-1)!.headers['user-agent'];
    expect(userAgent).toContain('ai/7');
    expect(userAgent).toContain('wandb-ai-provider/');
  });

  it('streams send the same identity', async () => {
    server.chat({ type: 'sse', events: textStream('ok') });
    const model = createWandb({ apiKey: 'test-key', baseURL: server.baseURL, project: 't/p' })(
      MODEL_ID,
    );
    const { stream } = await model.doStream({ prompt: userPrompt(), headers: { 'x-trace': '1' } });
    await readParts(stream);
    const headers = server.requests.at(-1)!.headers;
    expect(headers['user-agent']).toContain('wandb-ai-provider/');
    expect(headers['openai-project']).toBe('t/p');
    expect(headers['x-trace']).toBe('1');
  });
});
