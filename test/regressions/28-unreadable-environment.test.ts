// Deno has a `process`, but reading `process.env` without --allow-env throws
// (`NotCapable: Requires env access to "WANDB_ENTITY"`), so `typeof process` guards do not help:
// every call failed unless `project` was set. An unreadable environment must count as unset.
// Here `process.env` is replaced by one whose every read throws like Deno's; the real Deno run is
// in `npm run test:runtimes`.
import { LoadAPIKeyError } from '@ai-sdk/provider';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWandb } from '../../src/index';
import { completion } from '../support/wire';
import { useFakeWandbServer } from '../support/fake-wandb';
import { callOptions, errorFrom, headerOf, lastRequest, MODEL_ID } from '../helpers';

const server = useFakeWandbServer();
afterEach(() => {
  vi.unstubAllGlobals();
});

const environmentReads: string[] = [];

/** `process` as Deno without env permission has it: every read of `process.env.X` throws. */
function denyEnvironmentAccess(): void {
  const env = new Proxy(
    {},
    {
      get(_target, name) {
        environmentReads.push(String(name));
        throw new Error(`NotCapable: Requires env access to "${String(name)}"`);
      },
      has(_target, name) {
        throw new Error(`NotCapable: Requires env access to "${String(name)}"`);
      },
    },
  );
  const realProcess = process;
  vi.stubGlobal(
    'process',
    new Proxy(realProcess, {
      get: (target, name) => (name === 'env' ? env : Reflect.get(target, name, target)),
    }),
  );
}

describe('an environment that throws on every read counts as unset', () => {
  it('calls with apiKey and baseURL and no project, sending no OpenAI-Project header', async () => {
    server.chat({ type: 'json', body: completion({ content: 'hello' }) });
    const model = createWandb({ apiKey: 'test-key', baseURL: server.baseURL })(MODEL_ID);
    denyEnvironmentAccess();
    environmentReads.length = 0;
    const result = await model.doGenerate(callOptions());
    vi.unstubAllGlobals();

    expect(result.content).toEqual([{ type: 'text', text: 'hello' }]);
    expect(headerOf(lastRequest(server), 'openai-project')).toBeUndefined();
    expect(headerOf(lastRequest(server), 'authorization')).toBe('Bearer test-key');
    // The project was looked up (and found unreadable); the given key was not.
    expect(environmentReads).toContain('WANDB_ENTITY');
    expect(environmentReads).not.toContain('WANDB_API_KEY');
  });

  it('uses the default base URL when WANDB_BASE_URL cannot be read', async () => {
    server.chat({ type: 'json', body: completion({ content: 'hello' }) });
    const requestedURLs: string[] = [];
    const model = createWandb({
      apiKey: 'test-key',
      // Records where the provider sends the request, then delivers it to the fake server.
      fetch: (url, init) => {
        requestedURLs.push(String(url));
        return fetch(`${server.baseURL}/chat/completions`, init);
      },
    })(MODEL_ID);
    denyEnvironmentAccess();
    await model.doGenerate(callOptions());
    vi.unstubAllGlobals();

    expect(requestedURLs).toEqual(['https://api.inference.wandb.ai/v1/chat/completions']);
  });

  it('lists models with apiKey and baseURL only', async () => {
    server.models({ type: 'json', body: { object: 'list', data: [{ id: MODEL_ID }] } });
    const provider = createWandb({ apiKey: 'test-key', baseURL: server.baseURL });
    denyEnvironmentAccess();
    const ids = await provider.listModels();
    vi.unstubAllGlobals();

    expect(ids).toEqual([MODEL_ID]);
  });

  it('without apiKey, says the key is missing and to pass `apiKey` (not NotCapable)', async () => {
    const requestsBefore = server.requests.length;
    const model = createWandb({ baseURL: server.baseURL })(MODEL_ID);
    denyEnvironmentAccess();
    const error = await errorFrom(() => model.doGenerate(callOptions()));
    vi.unstubAllGlobals();

    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('pass `apiKey`');
    expect((error as Error).message).not.toContain('NotCapable');
    expect(server.requests.length).toBe(requestsBefore);
  });
});
