/**
 * `WANDB_BASE_URL` points a provider without a `baseURL` setting elsewhere (a proxy, the local
 * emulator that `npm run example` starts); the setting still wins.
 */
import { InvalidArgumentError } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWandb } from '../../src/index';
import {
  completion,
  startFakeWandbServer,
  type FakeWandbServer,
} from '../../src/emulator/scripted-wandb-server';
import { API_KEY, MODEL_ID, callOptions, errorFrom, lastRequest } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

describe('WANDB_BASE_URL', () => {
  it('is used when the baseURL setting is absent', async () => {
    vi.stubEnv('WANDB_BASE_URL', `${server.baseURL}/`);
    server.chat({ type: 'json', body: completion({ content: 'from the environment' }) });
    const result = await createWandb({ apiKey: API_KEY })(MODEL_ID).doGenerate(callOptions());
    expect(result.content).toEqual([{ type: 'text', text: 'from the environment' }]);
    expect(lastRequest(server).path).toBe('/v1/chat/completions');
  });

  it('loses to the baseURL setting', async () => {
    vi.stubEnv('WANDB_BASE_URL', 'http://127.0.0.1:9/nowhere');
    server.chat({ type: 'json', body: completion({ content: 'from the setting' }) });
    const result = await createWandb({ apiKey: API_KEY, baseURL: server.baseURL })(
      MODEL_ID,
    ).doGenerate(callOptions());
    expect(result.content).toEqual([{ type: 'text', text: 'from the setting' }]);
  });

  it('when empty, leaves the default W&B URL', async () => {
    vi.stubEnv('WANDB_BASE_URL', '');
    const urls: string[] = [];
    // The request is answered by this fetch setting, so nothing leaves the machine.
    const fetch = async (url: RequestInfo | URL) => {
      urls.push(String(url));
      return Response.json(completion({ content: 'ok' }));
    };
    await createWandb({ apiKey: API_KEY, fetch })(MODEL_ID).doGenerate(callOptions());
    expect(urls).toEqual(['https://api.inference.wandb.ai/v1/chat/completions']);
  });

  it('is read per request, like the key: a change after the provider was created applies', async () => {
    const provider = createWandb({ apiKey: API_KEY });
    vi.stubEnv('WANDB_BASE_URL', server.baseURL);
    server.chat({ type: 'json', body: completion({ content: 'read now' }) });
    const result = await provider(MODEL_ID).doGenerate(callOptions());
    expect(result.content).toEqual([{ type: 'text', text: 'read now' }]);
    expect(result.request?.url).toBe(`${server.baseURL}/chat/completions`);
  });

  it('when malformed, fails the call with an InvalidArgumentError that names the variable, before any request', async () => {
    vi.stubEnv('WANDB_BASE_URL', 'api.inference.wandb.ai/v1');
    const requestsBefore = server.requests.length;
    const model = createWandb({ apiKey: API_KEY })(MODEL_ID);
    for (const call of [
      () => model.doGenerate(callOptions()),
      () => model.doStream(callOptions()),
    ]) {
      const error = await errorFrom(call);
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('WANDB_BASE_URL');
      expect((error as Error).message).toContain('"api.inference.wandb.ai/v1"');
    }
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('when malformed, neither breaks importing the package nor a provider with a baseURL setting', async () => {
    vi.stubEnv('WANDB_BASE_URL', 'not a url');
    vi.resetModules();
    const freshImport = await import('../../src/index');
    expect(typeof freshImport.wandb).toBe('function');
    server.chat({ type: 'json', body: completion({ content: 'setting wins' }) });
    const result = await freshImport
      .createWandb({ apiKey: API_KEY, baseURL: server.baseURL })(MODEL_ID)
      .doGenerate(callOptions());
    expect(result.content).toEqual([{ type: 'text', text: 'setting wins' }]);
  });

  it('an http:// URL to another machine from the variable carries the unencrypted-key warning', async () => {
    vi.stubEnv('WANDB_BASE_URL', 'http://proxy.internal.example/v1');
    const fetch = async () => Response.json(completion({ content: 'ok' }));
    const result = await createWandb({ apiKey: API_KEY, fetch })(MODEL_ID).doGenerate(
      callOptions(),
    );
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ type: 'other', message: expect.stringContaining('unencrypted') }),
    );
  });
});
