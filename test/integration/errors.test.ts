import { inspect } from 'node:util';
import { APICallError, LoadAPIKeyError } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeWandbServer,
  type FakeWandbServer,
  type ScriptedReply,
} from '../fake-wandb-server';
import { MODEL_ID, callOptions, errorFrom, providerFor } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(async () => {
  await server.close();
});

const SECRET_KEY = 'wandb_v1_SECRET_abcdef0123456789';
const RESPONSE_HEADERS = { 'x-request-id': 'req-err-1' };

/** Calls doGenerate (or doStream) against `reply` with the secret key and returns the APICallError. */
async function apiCallErrorFor(
  reply: ScriptedReply,
  call: 'doGenerate' | 'doStream' = 'doGenerate',
): Promise<APICallError> {
  server.chat(reply);
  const model = providerFor(server, { apiKey: SECRET_KEY })(MODEL_ID);
  const error = await errorFrom(() => model[call](callOptions()));
  if (!APICallError.isInstance(error))
    throw new Error(`expected an APICallError, got ${inspect(error)}`);
  return error;
}

const errorBody = (message: string, extra: Record<string, unknown> = {}) => ({
  error: { message, ...extra },
});

/** W&B's error table (docs/wandb-wire-format.md, Errors), each row with the text that must reach the user. */
const table: Array<{
  row: string;
  status: number;
  body: unknown;
  quoted: string;
  retryable: boolean;
  hint?: RegExp[];
}> = [
  {
    row: '400 unsupported parameter',
    status: 400,
    body: errorBody('logprobs is not supported by this model', {
      type: 'invalid_request_error',
      param: 'logprobs',
    }),
    quoted: 'logprobs is not supported by this model',
    retryable: false,
  },
  {
    row: '422 invalid parameter',
    status: 422,
    body: errorBody('temperature must be between 0 and 2', {
      type: 'invalid_request_error',
      code: 422,
    }),
    quoted: 'temperature must be between 0 and 2',
    retryable: false,
  },
  {
    row: '401 observed missing bearer',
    status: 401,
    body: {
      error: {
        code: 'invalid_api_key',
        message: 'Missing bearer authentication in header',
        type: 'invalid_request_error',
      },
    },
    quoted: 'Missing bearer authentication in header',
    retryable: false,
    hint: [/key/i, /project/i],
  },
  {
    row: '401 authentication failed',
    status: 401,
    body: errorBody('Authentication failed'),
    quoted: 'Authentication failed',
    retryable: false,
    hint: [/key/i, /project/i],
  },
  {
    row: '402 quota',
    status: 402,
    body: errorBody('You exceeded your current quota, please check your plan and billing details'),
    quoted: 'You exceeded your current quota, please check your plan and billing details',
    retryable: false,
    hint: [/billing/i],
  },
  {
    row: '403 region',
    status: 403,
    body: errorBody('Country, region, or territory not supported'),
    quoted: 'Country, region, or territory not supported',
    retryable: false,
    hint: [/region/i, /organi[sz]ation/i],
  },
  {
    row: '403 organization',
    status: 403,
    body: errorBody('The inference gateway is not enabled for your organization'),
    quoted: 'The inference gateway is not enabled for your organization',
    retryable: false,
    hint: [/region/i, /organi[sz]ation/i],
  },
  {
    row: '404 model not found',
    status: 404,
    body: errorBody('The requested resource was not found'),
    quoted: 'The requested resource was not found',
    retryable: false,
    hint: [/case-sensitive/i, /retired/i],
  },
  {
    row: '429 concurrency',
    status: 429,
    body: errorBody('Concurrency limit reached for requests'),
    quoted: 'Concurrency limit reached for requests',
    retryable: true,
  },
  {
    row: '429 personal account (historic)',
    status: 429,
    body: errorBody(
      "W&B Inference isn't available for personal accounts. Please switch to a non-personal account to access W&B Inference.",
    ),
    quoted: "W&B Inference isn't available for personal accounts.",
    retryable: false,
  },
  {
    row: '429 quota (historic)',
    status: 429,
    body: errorBody('You exceeded your current quota, please check your plan and billing details'),
    quoted: 'You exceeded your current quota',
    retryable: false,
    hint: [/billing/i],
  },
  {
    row: '500 internal',
    status: 500,
    body: errorBody('The server had an error while processing your request'),
    quoted: 'The server had an error while processing your request',
    retryable: true,
  },
  {
    row: '503 overloaded',
    status: 503,
    body: errorBody('The engine is currently overloaded, please try again later'),
    quoted: 'The engine is currently overloaded, please try again later',
    retryable: true,
  },
  {
    row: '408 timeout',
    status: 408,
    body: errorBody('Request timed out'),
    quoted: 'Request timed out',
    retryable: true,
  },
  {
    row: '409 conflict',
    status: 409,
    body: errorBody('Conflict, please retry'),
    quoted: 'Conflict, please retry',
    retryable: true,
  },
  {
    row: '504 other 5xx',
    status: 504,
    body: { detail: 'Upstream model server timed out' },
    quoted: 'Upstream model server timed out',
    retryable: true,
  },
];

describe('the W&B error table', () => {
  it.each(table)(
    '$row → APICallError quoting W&B, retryable=$retryable',
    async ({ status, body, quoted, retryable, hint }) => {
      const error = await apiCallErrorFor({
        type: 'json',
        status,
        body,
        headers: RESPONSE_HEADERS,
      });
      expect(error.statusCode).toBe(status);
      expect(error.isRetryable).toBe(retryable);
      expect(error.message).toContain(quoted);
      for (const pattern of hint ?? []) expect(error.message).toMatch(pattern);
      expect(error.responseHeaders).toMatchObject(RESPONSE_HEADERS);
      expect(error.responseBody).toBe(JSON.stringify(body));
      expect(error.url).toBe(`${server.baseURL}/chat/completions`);
    },
  );

  it.each(table)('$row → never leaks the API key', async ({ status, body }) => {
    const error = await apiCallErrorFor({ type: 'json', status, body });
    expect(error.message).not.toContain(SECRET_KEY);
    expect(JSON.stringify(error)).not.toContain(SECRET_KEY);
    expect(String(error)).not.toContain(SECRET_KEY);
    expect(error.stack ?? '').not.toContain(SECRET_KEY);
    expect(inspect(error, { depth: Infinity, showHidden: true })).not.toContain(SECRET_KEY);
  });
});

describe('error body shapes', () => {
  it('quotes {detail: string}', async () => {
    const error = await apiCallErrorFor({
      type: 'json',
      status: 422,
      body: { detail: 'Invalid value for top_k' },
    });
    expect(error.message).toContain('Invalid value for top_k');
    expect(error.isRetryable).toBe(false);
  });

  it('quotes every msg of a {detail: [...]} validation list', async () => {
    const error = await apiCallErrorFor({
      type: 'json',
      status: 422,
      body: {
        detail: [
          {
            loc: ['body', 'temperature'],
            msg: 'Input should be less than or equal to 2',
            type: 'less_than_equal',
          },
          {
            loc: ['body', 'messages', 0, 'role'],
            msg: "Input should be 'system', 'user', 'assistant' or 'tool'",
            type: 'literal_error',
          },
        ],
      },
    });
    expect(error.message).toContain('Input should be less than or equal to 2');
    expect(error.message).toContain("Input should be 'system', 'user', 'assistant' or 'tool'");
    expect(error.statusCode).toBe(422);
  });

  it('quotes a vLLM-style {object: "error", message} body', async () => {
    const error = await apiCallErrorFor({
      type: 'json',
      status: 400,
      body: {
        object: 'error',
        message: 'max_tokens is too large: 999999',
        type: 'BadRequestError',
        param: null,
        code: 400,
      },
    });
    expect(error.message).toContain('max_tokens is too large: 999999');
  });

  it('keeps the parsed body as data', async () => {
    const body = {
      error: {
        message: 'Concurrency limit reached for requests',
        type: 'rate_limit',
        code: 'rate_limit_exceeded',
      },
    };
    const error = await apiCallErrorFor({ type: 'json', status: 429, body });
    expect(error.data).toMatchObject(body);
  });

  it('handles an HTML gateway page with the status and without failing to parse', async () => {
    const html =
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';
    const error = await apiCallErrorFor({
      type: 'text',
      status: 502,
      body: html,
      headers: RESPONSE_HEADERS,
    });
    expect(error.statusCode).toBe(502);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/502|Bad Gateway/);
    expect(error.responseBody).toBe(html);
    expect(error.responseHeaders).toMatchObject(RESPONSE_HEADERS);
  });

  it('handles an empty body', async () => {
    const error = await apiCallErrorFor({ type: 'text', status: 503, body: '' });
    expect(error.statusCode).toBe(503);
    expect(error.isRetryable).toBe(true);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('handles an unexpected JSON body', async () => {
    const error = await apiCallErrorFor({
      type: 'json',
      status: 400,
      body: { unexpected: ['shape'] },
    });
    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
  });
});

describe('errors on streams', () => {
  it('rejects doStream with the same APICallError for a concurrency 429', async () => {
    const error = await apiCallErrorFor(
      {
        type: 'json',
        status: 429,
        body: errorBody('Concurrency limit reached for requests'),
        headers: RESPONSE_HEADERS,
      },
      'doStream',
    );
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('Concurrency limit reached for requests');
    expect(error.responseHeaders).toMatchObject(RESPONSE_HEADERS);
  });

  it('rejects doStream with a non-retryable APICallError for a 402', async () => {
    const error = await apiCallErrorFor(
      {
        type: 'json',
        status: 402,
        body: errorBody(
          'You exceeded your current quota, please check your plan and billing details',
        ),
      },
      'doStream',
    );
    expect(error.statusCode).toBe(402);
    expect(error.isRetryable).toBe(false);
    expect(JSON.stringify(error)).not.toContain(SECRET_KEY);
  });
});

describe('API key secrecy', () => {
  it('keeps the key out of the message even when the server echoes it back', async () => {
    const error = await apiCallErrorFor({
      type: 'json',
      status: 401,
      body: errorBody(`Invalid API key: ${SECRET_KEY}`, { code: 'invalid_api_key' }),
    });
    expect(error.message).toContain('Invalid API key');
    expect(error.message).not.toContain(SECRET_KEY);
  });

  it('rejects a key with a line break without quoting it (fetch would put it in its TypeError)', async () => {
    const pasted = `${SECRET_KEY.slice(0, 10)}\n${SECRET_KEY.slice(10)}`;
    const model = providerFor(server, { apiKey: pasted })(MODEL_ID);
    const requestsBefore = server.requests.length;
    const error = await errorFrom(() => model.doGenerate(callOptions()));
    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('line break');
    expect(`${(error as Error).message} ${JSON.stringify(error)} ${inspect(error)}`).not.toContain(
      SECRET_KEY.slice(10),
    );
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('keeps the key out of the request body values carried by the error', async () => {
    const error = await apiCallErrorFor({
      type: 'json',
      status: 400,
      body: errorBody('bad request'),
    });
    expect(JSON.stringify(error.requestBodyValues)).not.toContain(SECRET_KEY);
    expect(error.requestBodyValues).toMatchObject({ model: MODEL_ID });
  });
});
