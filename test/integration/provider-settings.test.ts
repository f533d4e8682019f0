import { InvalidArgumentError, LoadAPIKeyError, NoSuchModelError } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWandb, wandb } from '../../src/index';
import {
  completion,
  startFakeWandbServer,
  textStream,
  type FakeWandbServer,
} from '../../src/emulator/scripted-wandb-server';
import {
  API_KEY,
  MODEL_ID,
  callOptions,
  errorFrom,
  headerOf,
  lastRequest,
  providerFor,
  readParts,
} from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(async () => {
  await server.close();
});

const hello = { type: 'json', body: completion({ content: 'Hello' }) } as const;

describe('apiKey', () => {
  it('sends the apiKey setting as a bearer token', async () => {
    server.chat(hello);
    await providerFor(server, { apiKey: 'key-from-setting' })(MODEL_ID).doGenerate(callOptions());
    expect(headerOf(lastRequest(server), 'authorization')).toBe('Bearer key-from-setting');
  });

  it('reads WANDB_API_KEY at request time, not when the provider is created', async () => {
    vi.stubEnv('WANDB_API_KEY', undefined);
    const model = createWandb({ baseURL: server.baseURL })(MODEL_ID);
    vi.stubEnv('WANDB_API_KEY', 'key-from-env');
    server.chat(hello);
    await model.doGenerate(callOptions());
    expect(headerOf(lastRequest(server), 'authorization')).toBe('Bearer key-from-env');
  });

  it('creates a provider and model without any key, and fails only when a request is made', async () => {
    vi.stubEnv('WANDB_API_KEY', undefined);
    const requestsBefore = server.requests.length;
    const model = createWandb({ baseURL: server.baseURL })(MODEL_ID);
    const error = await errorFrom(() => model.doGenerate(callOptions()));
    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('explains a missing key with the WANDB_API_KEY variable and where to get a key', async () => {
    vi.stubEnv('WANDB_API_KEY', undefined);
    const error = await errorFrom(() =>
      createWandb({ baseURL: server.baseURL })(MODEL_ID).doStream(callOptions()),
    );
    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('WANDB_API_KEY');
    expect((error as Error).message).toMatch(/wandb\.ai\/(settings|authorize)/);
  });

  it('prefers the apiKey setting over WANDB_API_KEY', async () => {
    vi.stubEnv('WANDB_API_KEY', 'key-from-env');
    server.chat(hello);
    await providerFor(server, { apiKey: 'key-from-setting' })(MODEL_ID).doGenerate(callOptions());
    expect(headerOf(lastRequest(server), 'authorization')).toBe('Bearer key-from-setting');
  });
});

describe('baseURL', () => {
  it('defaults to https://api.inference.wandb.ai/v1', async () => {
    const urls: string[] = [];
    const provider = createWandb({
      apiKey: API_KEY,
      fetch: async input => {
        urls.push(String(input instanceof Request ? input.url : input));
        return new Response(JSON.stringify(completion({ content: 'offline' })), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    const result = await provider(MODEL_ID).doGenerate(callOptions());
    expect(urls).toEqual(['https://api.inference.wandb.ai/v1/chat/completions']);
    expect(result.content).toEqual([{ type: 'text', text: 'offline' }]);
  });

  it('posts to {baseURL}/chat/completions', async () => {
    server.chat(hello);
    await providerFor(server)(MODEL_ID).doGenerate(callOptions());
    expect(lastRequest(server)).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
  });

  it('tolerates a trailing slash', async () => {
    server.chat(hello);
    await providerFor(server, { baseURL: `${server.baseURL}/` })(MODEL_ID).doGenerate(
      callOptions(),
    );
    expect(lastRequest(server).path).toBe('/v1/chat/completions');
  });

  it.each(['not a url', 'ftp://example.com/v1', 'api.inference.wandb.ai/v1'])(
    'rejects %j with an InvalidArgumentError naming baseURL',
    async baseURL => {
      const error = await errorFrom(() =>
        createWandb({ apiKey: API_KEY, baseURL })(MODEL_ID).doGenerate(callOptions()),
      );
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('baseURL');
    },
  );
});

describe('project', () => {
  it('sends the project setting as the OpenAI-Project header', async () => {
    server.chat(hello);
    await providerFor(server, { project: 'my-team/my-project' })(MODEL_ID).doGenerate(
      callOptions(),
    );
    expect(headerOf(lastRequest(server), 'openai-project')).toBe('my-team/my-project');
  });

  it('defaults to WANDB_ENTITY/WANDB_PROJECT when both are set', async () => {
    vi.stubEnv('WANDB_ENTITY', 'env-team');
    vi.stubEnv('WANDB_PROJECT', 'env-project');
    server.chat(hello);
    await providerFor(server)(MODEL_ID).doGenerate(callOptions());
    expect(headerOf(lastRequest(server), 'openai-project')).toBe('env-team/env-project');
  });

  it('prefers the project setting over the environment', async () => {
    vi.stubEnv('WANDB_ENTITY', 'env-team');
    vi.stubEnv('WANDB_PROJECT', 'env-project');
    server.chat(hello);
    await providerFor(server, { project: 'my-team/my-project' })(MODEL_ID).doGenerate(
      callOptions(),
    );
    expect(headerOf(lastRequest(server), 'openai-project')).toBe('my-team/my-project');
  });

  it.each([
    ['only WANDB_ENTITY', { WANDB_ENTITY: 'env-team' }],
    ['only WANDB_PROJECT', { WANDB_PROJECT: 'env-project' }],
    ['neither', {}],
  ])(
    'sends no OpenAI-Project header when %s is set',
    async (_label, env: Record<string, string>) => {
      for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
      server.chat(hello);
      await providerFor(server)(MODEL_ID).doGenerate(callOptions());
      expect(headerOf(lastRequest(server), 'openai-project')).toBeUndefined();
    },
  );

  it('is sent on streams too', async () => {
    server.chat({ type: 'sse', events: textStream('Hi') });
    const { stream } = await providerFor(server, { project: 'my-team/my-project' })(
      MODEL_ID,
    ).doStream(callOptions());
    await readParts(stream);
    expect(headerOf(lastRequest(server), 'openai-project')).toBe('my-team/my-project');
  });
});

describe('headers and user agent', () => {
  it('sends provider headers, with call headers winning', async () => {
    server.chat(hello);
    const provider = providerFor(server, {
      headers: { 'x-team': 'provider', 'x-only-provider': 'yes' },
    });
    await provider(MODEL_ID).doGenerate(callOptions({ headers: { 'x-team': 'call' } }));
    const request = lastRequest(server);
    expect(headerOf(request, 'x-team')).toBe('call');
    expect(headerOf(request, 'x-only-provider')).toBe('yes');
  });

  it('identifies itself with a wandb-ai-provider/<version> user-agent suffix', async () => {
    server.chat(hello);
    await providerFor(server)(MODEL_ID).doGenerate(callOptions());
    expect(headerOf(lastRequest(server), 'user-agent')).toContain('wandb-ai-provider/');
  });

  it('appends its suffix to a user-agent given in the headers instead of replacing it', async () => {
    server.chat(hello);
    await providerFor(server, { headers: { 'user-agent': 'my-app/1.2.3' } })(MODEL_ID).doGenerate(
      callOptions(),
    );
    const userAgent = headerOf(lastRequest(server), 'user-agent');
    expect(userAgent).toContain('my-app/1.2.3');
    expect(userAgent).toContain('wandb-ai-provider/');
  });

  it('sends JSON with a bearer token and no API key anywhere but the authorization header', async () => {
    server.chat(hello);
    await providerFor(server, { apiKey: 'sk-only-in-auth' })(MODEL_ID).doGenerate(callOptions());
    const request = lastRequest(server);
    expect(headerOf(request, 'content-type')).toContain('application/json');
    const otherHeaders = Object.entries(request.headers).filter(
      ([name]) => name !== 'authorization',
    );
    expect(JSON.stringify(otherHeaders)).not.toContain('sk-only-in-auth');
    expect(request.bodyText).not.toContain('sk-only-in-auth');
  });
});

describe('custom fetch', () => {
  it('sends every request through the fetch setting', async () => {
    const seen: string[] = [];
    const provider = providerFor(server, {
      fetch: async (input, init) => {
        seen.push(String(input instanceof Request ? input.url : input));
        return globalThis.fetch(input, init);
      },
    });
    server.chat(hello, { type: 'sse', events: textStream('Hi') });
    await provider(MODEL_ID).doGenerate(callOptions());
    const { stream } = await provider(MODEL_ID).doStream(callOptions());
    await readParts(stream);
    expect(seen).toEqual([
      `${server.baseURL}/chat/completions`,
      `${server.baseURL}/chat/completions`,
    ]);
  });
});

describe('includeUsage', () => {
  it('asks for usage on streams by default', async () => {
    server.chat({ type: 'sse', events: textStream('Hi') });
    const { stream } = await providerFor(server)(MODEL_ID).doStream(callOptions());
    await readParts(stream);
    expect(lastRequest(server).body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('sends no stream_options when includeUsage is false', async () => {
    server.chat({ type: 'sse', events: textStream('Hi') });
    const { stream } = await providerFor(server, { includeUsage: false })(MODEL_ID).doStream(
      callOptions(),
    );
    await readParts(stream);
    expect(lastRequest(server).body.stream).toBe(true);
    expect(lastRequest(server).body).not.toHaveProperty('stream_options');
  });

  it('never sends stream_options on non-streaming calls', async () => {
    server.chat(hello);
    await providerFor(server)(MODEL_ID).doGenerate(callOptions());
    const body = lastRequest(server).body;
    expect(body).not.toHaveProperty('stream_options');
    expect(body.stream === undefined || body.stream === false).toBe(true);
  });
});

describe('provider and model objects', () => {
  it('is callable and offers languageModel and chatModel, all posting the same id', async () => {
    const provider = providerFor(server);
    for (const model of [
      provider(MODEL_ID),
      provider.languageModel(MODEL_ID),
      provider.chatModel(MODEL_ID),
    ]) {
      expect(model.modelId).toBe(MODEL_ID);
      server.chat(hello);
      await model.doGenerate(callOptions());
      expect(lastRequest(server).body.model).toBe(MODEL_ID);
    }
  });

  it('declares specificationVersion v4 on the provider and its models', () => {
    const provider = providerFor(server);
    expect(provider.specificationVersion).toBe('v4');
    expect(provider(MODEL_ID).specificationVersion).toBe('v4');
  });

  it('names its models wandb.chat', () => {
    expect(providerFor(server)(MODEL_ID).provider).toBe('wandb.chat');
  });

  it('throws NoSuchModelError for embedding and image models', () => {
    const provider = providerFor(server);
    const embeddingError = (() => {
      try {
        provider.embeddingModel('some-embedding');
      } catch (error) {
        return error;
      }
    })();
    const imageError = (() => {
      try {
        provider.imageModel('some-image');
      } catch (error) {
        return error;
      }
    })();
    expect(NoSuchModelError.isInstance(embeddingError)).toBe(true);
    expect((embeddingError as NoSuchModelError).modelId).toBe('some-embedding');
    expect(NoSuchModelError.isInstance(imageError)).toBe(true);
    expect((imageError as NoSuchModelError).modelType).toBe('imageModel');
  });

  it('passes a LoRA artifact id through verbatim', async () => {
    const loraId = 'wandb-artifact:///my-team/my-project/my-lora:v3';
    server.chat(hello);
    const model = providerFor(server, { project: 'my-team/my-project' })(loraId);
    expect(model.modelId).toBe(loraId);
    await model.doGenerate(callOptions());
    expect(lastRequest(server).body.model).toBe(loraId);
    expect(lastRequest(server).bodyText).toContain(
      '"wandb-artifact:///my-team/my-project/my-lora:v3"',
    );
  });

  it('passes ids with any case and unknown ids through verbatim', async () => {
    server.chat(hello);
    await providerFor(server)('Some-Org/Brand-New-Model-2027').doGenerate(callOptions());
    expect(lastRequest(server).body.model).toBe('Some-Org/Brand-New-Model-2027');
  });

  it('exports a default wandb provider', () => {
    expect(wandb.specificationVersion).toBe('v4');
    expect(wandb(MODEL_ID).provider).toBe('wandb.chat');
  });
});

describe('listModels', () => {
  it('returns the ids from GET {baseURL}/models with auth and project headers', async () => {
    server.models({
      type: 'json',
      body: {
        object: 'list',
        data: [
          {
            id: 'openai/gpt-oss-20b',
            object: 'model',
            created: 0,
            owned_by: 'system',
            root: 'openai/gpt-oss-20b',
          },
          {
            id: 'moonshotai/Kimi-K2.6',
            object: 'model',
            created: 0,
            owned_by: 'system',
            root: 'moonshotai/Kimi-K2.6',
          },
        ],
      },
    });
    const ids = await providerFor(server, { project: 'my-team/my-project' }).listModels();
    expect(ids).toEqual(['openai/gpt-oss-20b', 'moonshotai/Kimi-K2.6']);
    const request = lastRequest(server);
    expect(request).toMatchObject({ method: 'GET', path: '/v1/models' });
    expect(headerOf(request, 'authorization')).toBe(`Bearer ${API_KEY}`);
    expect(headerOf(request, 'openai-project')).toBe('my-team/my-project');
    expect(headerOf(request, 'user-agent')).toContain('wandb-ai-provider/');
  });

  it('returns an empty list for an empty catalog', async () => {
    server.models({ type: 'json', body: { object: 'list', data: [] } });
    expect(await providerFor(server).listModels()).toEqual([]);
  });

  it('stops when its abortSignal fires', async () => {
    server.models({ type: 'stall' });
    const controller = new AbortController();
    const listing = providerFor(server).listModels({ abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await errorFrom(() => listing);
    expect((error as Error).name).toMatch(/Abort/);
  });

  it('turns an error answer into an APICallError', async () => {
    server.models({
      type: 'json',
      status: 401,
      body: {
        error: {
          code: 'invalid_api_key',
          message: 'Missing bearer authentication in header',
          type: 'invalid_request_error',
        },
      },
    });
    const error = await errorFrom(() => providerFor(server).listModels());
    expect((error as { statusCode?: number }).statusCode).toBe(401);
    expect((error as Error).message).toContain('Missing bearer authentication in header');
  });
});
