/*
 * Fault class: bad settings. Each mistake fails at construction (or, for per-call headers, before
 * fetch sees them) with an InvalidArgumentError that names the setting and what is expected, and
 * never quotes a value that may be a secret.
 */
import { InvalidArgumentError } from '@ai-sdk/provider';
import { generateText } from 'ai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWandb, type WandbProviderSettings } from '../../src/index';
import {
  completion,
  startFakeWandbServer,
  type FakeWandbServer,
} from '../../src/emulator/scripted-wandb-server';
import { MODEL_ID, callOptions, errorFrom, providerFor } from '../helpers';
import { SECRET_KEY, expectNoSecret } from './no-secret';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

/** Settings as a careless caller (or plain JavaScript) may pass them. */
type LooseSettings = Record<string, unknown>;

function constructionError(settings: unknown): InvalidArgumentError {
  const error = (() => {
    try {
      createWandb(settings as WandbProviderSettings);
    } catch (thrown) {
      return thrown;
    }
    throw new Error(`createWandb accepted ${String(settings)}`);
  })();
  expect(
    InvalidArgumentError.isInstance(error),
    `expected an InvalidArgumentError, got ${String(error)}`,
  ).toBe(true);
  expectNoSecret(error);
  return error as InvalidArgumentError;
}

describe('baseURL', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['empty', '', /must be an http\(s\) URL/],
    ['blank', '   ', /must be an http\(s\) URL/],
    ['no scheme', 'api.inference.wandb.ai/v1', /must be an http\(s\) URL/],
    ['scheme only', 'https://', /must be an http\(s\) URL/],
    ['another scheme', 'ftp://api.inference.wandb.ai/v1', /must be an http\(s\) URL/],
    ['a websocket URL', 'wss://api.inference.wandb.ai/v1', /must be an http\(s\) URL/],
    ['a number', 443, /must be an http\(s\) URL/],
    ['with a query', 'https://proxy.example/v1?tenant=7', /must not have a query or fragment/],
    ['with a fragment', 'https://proxy.example/v1#x', /must not have a query or fragment/],
    [
      'with credentials',
      `https://user:${SECRET_KEY}@proxy.example/v1`,
      /must not contain a user name or password/,
    ],
  ];
  it.each(cases)('%s → InvalidArgumentError naming baseURL', (_name, baseURL, says) => {
    const error = constructionError({ baseURL });
    expect(error.argument).toBe('baseURL');
    expect(error.message).toMatch(/^The baseURL setting /);
    expect(error.message).toMatch(says);
  });
});

describe('project', () => {
  it.each([
    '',
    'team',
    'team/',
    '/project',
    'team/project/extra',
    'team project',
    ' team/project',
    42,
  ])('%j → InvalidArgumentError naming project', project => {
    const error = constructionError({ project });
    expect(error.argument).toBe('project');
    expect(error.message).toContain("must be 'team/project'");
  });
});

describe('project from WANDB_ENTITY / WANDB_PROJECT (read at request time)', () => {
  it.each([
    ['an entity with a slash', 'team/sub', 'project'],
    ['a project with a space', 'team', 'my project'],
    ['a project with a line break', 'team', 'project\n'],
  ])(
    '%s → InvalidArgumentError naming the variables, before any request',
    async (_name, entity, project) => {
      vi.stubEnv('WANDB_ENTITY', entity);
      vi.stubEnv('WANDB_PROJECT', project);
      const before = server.requests.length;
      const error = await errorFrom(() =>
        providerFor(server, { apiKey: SECRET_KEY })(MODEL_ID).doGenerate(callOptions()),
      );
      expect(InvalidArgumentError.isInstance(error), String(error)).toBe(true);
      expect((error as InvalidArgumentError).message).toMatch(
        /^WANDB_ENTITY\/WANDB_PROJECT must be 'team\/project'/,
      );
      expect(server.requests.length).toBe(before);
    },
  );
});

describe('headers', () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    [
      'a string',
      `Authorization: Bearer ${SECRET_KEY}`,
      'headers',
      /must be an object of header names to string values/,
    ],
    ['an array', ['X-Trace: 1'], 'headers', /must be an object/],
    [
      'a number value',
      { 'X-Retries': 3 },
      'headers.X-Retries',
      /must be strings; headers\.X-Retries is a number/,
    ],
    ['a null value', { 'X-Trace': null }, 'headers.X-Trace', /is null/],
    ['an object value', { 'X-Trace': { id: 1 } }, 'headers.X-Trace', /is an object/],
    [
      'a name with a space',
      { 'X Trace': 'abc' },
      'headers.X Trace',
      /not a valid HTTP header name/,
    ],
    [
      'a name with a colon',
      { 'X-Trace:': 'abc' },
      'headers.X-Trace:',
      /not a valid HTTP header name/,
    ],
    [
      'a value with a line break',
      { 'X-Proxy-Auth': `${SECRET_KEY}\nX-Injected: 1` },
      'headers.X-Proxy-Auth',
      /line break/,
    ],
    [
      'a value outside Latin-1',
      { 'X-Label': 'café ☕' },
      'headers.X-Label',
      /cannot be sent in an HTTP header/,
    ],
  ];
  it.each(cases)('%s → InvalidArgumentError naming %s', (_name, headers, argument, says) => {
    const error = constructionError({ headers });
    expect(error.argument).toBe(argument);
    expect(error.message).toMatch(says);
  });

  it('per-call headers with a line break → InvalidArgumentError before any request, value not quoted', async () => {
    const before = server.requests.length;
    const error = await errorFrom(() =>
      providerFor(server, { apiKey: SECRET_KEY })(MODEL_ID).doGenerate(
        callOptions({ headers: { 'X-Proxy-Auth': `${SECRET_KEY}\r\nX: 1` } }),
      ),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('headers.X-Proxy-Auth');
    expectNoSecret(error);
    expect(server.requests.length).toBe(before);
  });

  it('control: undefined header values are allowed (they remove a header)', () => {
    expect(() =>
      createWandb({ headers: { 'X-Trace': undefined } as unknown as Record<string, string> }),
    ).not.toThrow();
  });
});

describe('other settings', () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ['settings as a string', 'my-team/my-project', 'settings', /takes a settings object/],
    ['settings as null', null, 'settings', /takes a settings object/],
    [
      'apiKey as a number',
      { apiKey: 12345 } as LooseSettings,
      'apiKey',
      /apiKey setting must be a string/,
    ],
    [
      'apiKey as an object',
      { apiKey: { key: SECRET_KEY } } as LooseSettings,
      'apiKey',
      /apiKey setting must be a string/,
    ],
    [
      'includeUsage as a string',
      { includeUsage: 'yes' } as LooseSettings,
      'includeUsage',
      /must be a boolean/,
    ],
    ['fetch as a string', { fetch: 'node-fetch' } as LooseSettings, 'fetch', /must be a function/],
  ];
  it.each(cases)('%s → InvalidArgumentError naming %s', (_name, settings, argument, says) => {
    const error = constructionError(settings);
    expect(error.argument).toBe(argument);
    expect(error.message).toMatch(says);
  });
});

describe('model id', () => {
  const provider = () => createWandb({ apiKey: SECRET_KEY, baseURL: server.baseURL });
  it.each([
    ['empty', '', /non-empty string/],
    ['blank', '   ', /non-empty string/],
    ['a number', 42, /non-empty string/],
    ['undefined', undefined, /non-empty string/],
    ['leading whitespace', ' openai/gpt-oss-120b', /leading or trailing whitespace/],
    ['a trailing newline', 'openai/gpt-oss-120b\n', /leading or trailing whitespace/],
  ])(
    '%s → InvalidArgumentError naming modelId, from every way to make a model',
    (_name, modelId, says) => {
      for (const make of [
        (id: unknown) => provider()(id as string),
        (id: unknown) => provider().languageModel(id as string),
        (id: unknown) => provider().chatModel(id as string),
      ]) {
        const error = (() => {
          try {
            make(modelId);
          } catch (thrown) {
            return thrown;
          }
          throw new Error('accepted');
        })();
        expect(InvalidArgumentError.isInstance(error)).toBe(true);
        expect((error as InvalidArgumentError).argument).toBe('modelId');
        expect((error as InvalidArgumentError).message).toMatch(says);
      }
    },
  );
});

describe('an http:// baseURL that leaves the machine', () => {
  /** A `fetch` that delivers requests for any host to the fake server, as a proxy on the way would. */
  const viaFakeServer = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    return fetch(`${server.baseURL}${url.pathname.replace(/^\/v1/, '')}${url.search}`, init);
  };
  const answer = () => server.chat({ type: 'json', body: completion({ content: 'ok' }) });
  const warningsFor = async (baseURL: string) => {
    answer();
    const model = createWandb({ apiKey: SECRET_KEY, baseURL, fetch: viaFakeServer })(MODEL_ID);
    const result = await generateText({ model, prompt: 'Hi' });
    expect(result.text).toBe('ok');
    expectNoSecret(result.warnings, 'the warnings');
    return result.warnings;
  };

  it.each([
    'http://proxy.internal:8080/v1',
    'http://10.0.0.7/v1',
    'http://[fd00::7]:8000/v1',
    'http://inference.example.com/v1',
  ])(
    '%s is allowed, and every generateText call warns that the key travels unencrypted',
    async baseURL => {
      const warnings = await warningsFor(baseURL);
      expect(warnings).toEqual([
        {
          type: 'other',
          message: expect.stringContaining('the API key and the prompts travel unencrypted'),
        },
      ]);
      expect(warnings?.[0]).toMatchObject({
        message: expect.stringContaining(new URL(baseURL).origin),
      });
    },
  );

  it('doStream carries the warning too, in stream-start', async () => {
    server.chat({ type: 'sse', events: [] });
    const model = createWandb({
      apiKey: SECRET_KEY,
      baseURL: 'http://proxy.internal:8080/v1',
      fetch: viaFakeServer,
    })(MODEL_ID);
    const { stream } = await model.doStream(callOptions());
    const reader = stream.getReader();
    const first = await reader.read();
    await reader.cancel();
    expect(first.value).toMatchObject({
      type: 'stream-start',
      warnings: [{ type: 'other', message: expect.stringContaining('unencrypted') }],
    });
  });

  it.each([
    'http://localhost:8000/v1',
    'http://127.0.0.1:8000/v1',
    'http://127.1.2.3/v1',
    'http://[::1]:8000/v1',
    'http://emulator.localhost/v1',
    'https://proxy.internal/v1',
  ])('%s (loopback or https) → no warning', async baseURL => {
    expect(await warningsFor(baseURL)).toEqual([]);
  });
});
