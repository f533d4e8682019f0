/*
 * Fault class: HTTP errors. Every row of W&B's error table (docs/wandb-wire-format.md, Errors; plus the gateway
 * codes) in every body shape W&B's layers produce, through `doGenerate`, `doStream` and
 * `listModels` over real sockets. Each answer echoes the API key (in the body and in a response
 * header, as a careless proxy would), and no error may carry it.
 */
import { STATUS_CODES } from 'node:http';
import { APICallError } from '@ai-sdk/provider';
import { generateText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeWandbServer,
  type FakeWandbServer,
  type ScriptedReply,
} from '../fake-wandb-server';
import { MODEL_ID, callOptions, errorFrom, providerFor } from '../helpers';
import { SECRET_KEY, expectNoSecret } from './no-secret';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const wandb = () => providerFor(server, { apiKey: SECRET_KEY });

/** W&B's error table: status, W&B's words, and whether retrying can help. */
const rows: Array<{ status: number; message: string; retryable: boolean }> = [
  { status: 400, message: 'logprobs is not supported by this model', retryable: false },
  { status: 422, message: 'temperature must be between 0 and 2', retryable: false },
  { status: 401, message: 'Authentication failed', retryable: false },
  { status: 401, message: 'Missing bearer authentication in header', retryable: false },
  {
    status: 402,
    message: 'You exceeded your current quota, please check your plan and billing details',
    retryable: false,
  },
  { status: 403, message: 'Country, region, or territory not supported', retryable: false },
  {
    status: 403,
    message: 'The inference gateway is not enabled for your organization',
    retryable: false,
  },
  { status: 404, message: 'The requested resource was not found', retryable: false },
  { status: 429, message: 'Concurrency limit reached for requests', retryable: true },
  {
    status: 429,
    message:
      "W&B Inference isn't available for personal accounts. Please switch to a non-personal account to access W&B Inference.",
    retryable: false,
  },
  {
    status: 429,
    message: 'You exceeded your current quota, please check your plan and billing details',
    retryable: false,
  },
  {
    status: 500,
    message: 'The server had an error while processing your request',
    retryable: true,
  },
  { status: 502, message: 'Bad gateway: upstream connect error', retryable: true },
  {
    status: 503,
    message: 'The engine is currently overloaded, please try again later',
    retryable: true,
  },
  { status: 504, message: 'Upstream request timeout', retryable: true },
];

/** Statuses that heal with time even when the body says nothing (a 429 without words is taken as concurrency). */
const RETRYABLE_WITHOUT_WORDS = new Set([408, 409, 429, 500, 502, 503, 504]);

const ECHO_HEADERS = { 'x-request-id': 'req-7', 'x-echo-authorization': `Bearer ${SECRET_KEY}` };

/** The error body shapes of docs/wandb-wire-format.md; `shows` is what the user must read in the message. */
const shapes: Array<{
  shape: string;
  reply: (status: number, message: string) => ScriptedReply;
  shows: (status: number, message: string) => string;
  wordsSurvive: boolean;
}> = [
  {
    shape: '{error:{message,type,code}}',
    reply: (status, message) => ({
      type: 'json',
      status,
      headers: ECHO_HEADERS,
      body: {
        error: { message, type: 'invalid_request_error', code: null, param: `key ${SECRET_KEY}` },
      },
    }),
    shows: (_status, message) => message,
    wordsSurvive: true,
  },
  {
    shape: '{detail: string}',
    reply: (status, message) => ({
      type: 'json',
      status,
      headers: ECHO_HEADERS,
      body: { detail: message, authorization: `Bearer ${SECRET_KEY}` },
    }),
    shows: (_status, message) => message,
    wordsSurvive: true,
  },
  {
    shape: '{detail: [{loc,msg}]}',
    reply: (status, message) => ({
      type: 'json',
      status,
      headers: ECHO_HEADERS,
      body: {
        detail: [
          { loc: ['body', 'messages'], msg: message, type: 'value_error', input: SECRET_KEY },
        ],
      },
    }),
    shows: (_status, message) => `body.messages: ${message}`,
    wordsSurvive: true,
  },
  {
    shape: 'empty body',
    reply: status => ({ type: 'text', status, headers: ECHO_HEADERS, body: '' }),
    shows: status => STATUS_CODES[status] ?? '',
    wordsSurvive: false,
  },
  {
    shape: 'HTML gateway page',
    reply: status => ({
      type: 'text',
      status,
      headers: ECHO_HEADERS,
      body: `<html><head><title>${status}</title></head><body><h1>${STATUS_CODES[status]}</h1><!-- Bearer ${SECRET_KEY} --></body></html>`,
    }),
    shows: status => STATUS_CODES[status] ?? '',
    wordsSurvive: false,
  },
];

const cases = rows.flatMap(row =>
  shapes.map(shape => ({
    ...row,
    ...shape,
    name: `${row.status} "${row.message.slice(0, 40)}" as ${shape.shape}`,
    expectedRetryable: shape.wordsSurvive ? row.retryable : RETRYABLE_WITHOUT_WORDS.has(row.status),
  })),
);

function expectClassified(
  error: unknown,
  testCase: (typeof cases)[number],
): asserts error is APICallError {
  expect(APICallError.isInstance(error), `expected an APICallError, got ${String(error)}`).toBe(
    true,
  );
  const apiError = error as APICallError;
  expect(apiError.statusCode).toBe(testCase.status);
  expect(apiError.message).toContain(`W&B Inference error (HTTP ${testCase.status}): `);
  expect(apiError.message).toContain(
    testCase.shows(testCase.status, testCase.message).replace(/\.+$/, ''),
  );
  expect(apiError.message).not.toMatch(/<html|<!--/i);
  expect(apiError.isRetryable).toBe(testCase.expectedRetryable);
  expect(apiError.responseHeaders?.['x-request-id']).toBe('req-7');
  expectNoSecret(apiError, `the APICallError for ${testCase.name}`);
}

describe('HTTP errors through doGenerate', () => {
  it.each(cases)('$name', async testCase => {
    server.chat(testCase.reply(testCase.status, testCase.message));
    const error = await errorFrom(() => wandb()(MODEL_ID).doGenerate(callOptions()));
    expectClassified(error, testCase);
  });
});

describe('HTTP errors through doStream', () => {
  it.each(cases)('$name', async testCase => {
    server.chat(testCase.reply(testCase.status, testCase.message));
    const error = await errorFrom(() => wandb()(MODEL_ID).doStream(callOptions()));
    expectClassified(error, testCase);
  });
});

describe('HTTP errors through listModels', () => {
  it.each(cases.filter(testCase => testCase.shape === shapes[0].shape))('$name', async testCase => {
    server.models(testCase.reply(testCase.status, testCase.message));
    const error = await errorFrom(() => wandb().listModels());
    expectClassified(error, testCase);
  });
});

describe('HTTP errors through generateText (maxRetries: 0, so exactly one request)', () => {
  it.each(cases.filter(testCase => testCase.shape === shapes[0].shape))('$name', async testCase => {
    server.chat(testCase.reply(testCase.status, testCase.message));
    const before = server.requests.length;
    const error = await errorFrom(() =>
      generateText({ model: wandb()(MODEL_ID), prompt: 'Hi', maxRetries: 0 }),
    );
    expectClassified(error, testCase);
    expect(server.requests.length - before).toBe(1);
  });
});

describe('the server is gone', () => {
  /** A port that was just free: connecting to it is refused. */
  async function refusedBaseURL(): Promise<string> {
    const gone = await startFakeWandbServer();
    await gone.close();
    return gone.baseURL;
  }

  it('connection refused → a retryable APICallError naming the URL, no key', async () => {
    const baseURL = await refusedBaseURL();
    const model = providerFor(server, { apiKey: SECRET_KEY, baseURL })(MODEL_ID);
    for (const call of ['doGenerate', 'doStream'] as const) {
      const error = await errorFrom(() => model[call](callOptions()));
      expect(APICallError.isInstance(error), String(error)).toBe(true);
      expect((error as APICallError).isRetryable).toBe(true);
      expect((error as APICallError).url).toBe(`${baseURL}/chat/completions`);
      expectNoSecret(error);
    }
    const listError = await errorFrom(() =>
      providerFor(server, { apiKey: SECRET_KEY, baseURL }).listModels(),
    );
    expect(APICallError.isInstance(listError)).toBe(true);
    expectNoSecret(listError);
  });

  it('connection refused through generateText → RetryError after 1 + maxRetries attempts, no key', async () => {
    const baseURL = await refusedBaseURL();
    const error = await errorFrom(() =>
      generateText({
        model: providerFor(server, { apiKey: SECRET_KEY, baseURL })(MODEL_ID),
        prompt: 'Hi',
        maxRetries: 1,
      }),
    );
    expect(error).toMatchObject({ name: 'AI_RetryError', reason: 'maxRetriesExceeded' });
    expect((error as { errors: unknown[] }).errors).toHaveLength(2);
    expectNoSecret(error);
  }, 10_000);

  it('the connection is closed before any answer → a retryable APICallError, no key', async () => {
    server.chat({ type: 'respond', respond: response => void response.socket?.destroy() });
    const error = await errorFrom(() => wandb()(MODEL_ID).doGenerate(callOptions()));
    expect(APICallError.isInstance(error), String(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(true);
    expectNoSecret(error);
  });
});
