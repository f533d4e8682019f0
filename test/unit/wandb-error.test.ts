import { describe, expect, it } from 'vitest';
import { createKeyRedactor, redactJson } from '../../src/redact-api-key';
import {
  buildWandbErrorMessage,
  extractWandbErrorMessage,
  isRetryableWandbError,
} from '../../src/wandb-error';

describe('extractWandbErrorMessage', () => {
  it('reads the recorded 401 body {error:{message,code,type}} and appends the code', () => {
    expect(
      extractWandbErrorMessage({
        error: {
          code: 'invalid_api_key',
          message: 'Missing bearer authentication in header',
          type: 'invalid_request_error',
        },
      }),
    ).toBe('Missing bearer authentication in header (invalid_api_key)');
  });

  it('reads {error:{message}} without a code', () => {
    expect(
      extractWandbErrorMessage({ error: { message: 'Concurrency limit reached for requests' } }),
    ).toBe('Concurrency limit reached for requests');
  });

  it('does not repeat a code the message already contains', () => {
    expect(
      extractWandbErrorMessage({
        error: { message: 'rate_limited: slow down', code: 'rate_limited' },
      }),
    ).toBe('rate_limited: slow down');
  });

  it('does not append a numeric or empty code', () => {
    expect(extractWandbErrorMessage({ error: { message: 'Bad request', code: 400 } })).toBe(
      'Bad request',
    );
    expect(extractWandbErrorMessage({ error: { message: 'Bad request', code: '' } })).toBe(
      'Bad request',
    );
  });

  it('reads {error:"string"}', () => {
    expect(extractWandbErrorMessage({ error: 'missing project header' })).toBe(
      'missing project header',
    );
  });

  it('reads {detail:"string"}', () => {
    expect(
      extractWandbErrorMessage({ detail: 'Failed to create model due to workflow error.' }),
    ).toBe('Failed to create model due to workflow error.');
  });

  it('reads a FastAPI {detail:[{loc,msg}]} list, joining loc with dots and items with "; "', () => {
    expect(
      extractWandbErrorMessage({
        detail: [
          {
            loc: ['body', 'temperature'],
            msg: 'Input should be less than or equal to 2',
            type: 'less_than_equal',
          },
          {
            loc: ['body', 'messages', 0, 'role'],
            msg: 'Input should be user',
            type: 'literal_error',
          },
        ],
      }),
    ).toBe(
      'body.temperature: Input should be less than or equal to 2; body.messages.0.role: Input should be user',
    );
  });

  it('reads detail items without loc, string items, and skips items without msg', () => {
    expect(
      extractWandbErrorMessage({
        detail: [{ msg: 'first' }, 'second', { loc: ['x'] }, 42, null, { loc: [], msg: 'third' }],
      }),
    ).toBe('first; second; third');
  });

  it('reads the vLLM native {object:"error",message}', () => {
    expect(
      extractWandbErrorMessage({
        object: 'error',
        message: 'The model `foo` does not exist.',
        type: 'NotFoundError',
        param: null,
        code: 404,
      }),
    ).toBe('The model `foo` does not exist.');
  });

  it('prefers error over detail over message', () => {
    expect(extractWandbErrorMessage({ error: { message: 'E' }, detail: 'D', message: 'M' })).toBe(
      'E',
    );
    expect(extractWandbErrorMessage({ detail: 'D', message: 'M' })).toBe('D');
  });

  it('falls through an unusable error field to detail', () => {
    expect(extractWandbErrorMessage({ error: { message: '' }, detail: 'D' })).toBe('D');
    expect(extractWandbErrorMessage({ error: { type: 'x' }, message: 'M' })).toBe('M');
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', '<html>Bad gateway</html>'],
    ['a number', 524],
    ['an empty object', {}],
    ['an empty array', []],
    ['empty strings', { error: '', detail: '', message: '' }],
    ['a detail list without messages', { detail: [{ loc: ['a'] }, 3] }],
    ['an empty detail list', { detail: [] }],
    ['a non-string message', { message: 12 }],
    ['an error object without message', { error: { code: 'x' } }],
  ])('returns undefined for junk: %s', (_label, data) => {
    expect(extractWandbErrorMessage(data)).toBeUndefined();
  });
});

describe('isRetryableWandbError', () => {
  it('retries the concurrency 429', () => {
    expect(isRetryableWandbError(429, 'Concurrency limit reached for requests')).toBe(true);
  });

  it('retries a 429 without a message', () => {
    expect(isRetryableWandbError(429, undefined)).toBe(true);
  });

  it.each([
    'You exceeded your current quota, please check your plan and billing details',
    "W&B Inference isn't available for personal accounts. Please switch to a non-personal account to access W&B Inference.",
    'Insufficient credits',
    'Spending cap reached',
    'Billing problem',
  ])('does not retry a 429 about quota/billing/account: %s', message => {
    expect(isRetryableWandbError(429, message)).toBe(false);
  });

  it.each([400, 401, 402, 403, 404, 422])('does not retry %i', status => {
    expect(isRetryableWandbError(status, 'whatever')).toBe(false);
    expect(isRetryableWandbError(status, undefined)).toBe(false);
  });

  it('does not retry 402 even with a concurrency-sounding message', () => {
    expect(isRetryableWandbError(402, 'Concurrency limit reached for requests')).toBe(false);
  });

  it.each([408, 409, 500, 502, 503, 504, 524])('retries %i', status => {
    expect(isRetryableWandbError(status, undefined)).toBe(true);
  });
});

describe('buildWandbErrorMessage', () => {
  it("quotes W&B's text and adds the 401 hint (key and project)", () => {
    const message = buildWandbErrorMessage({
      statusCode: 401,
      statusText: 'Unauthorized',
      wandbMessage: 'Missing bearer authentication in header (invalid_api_key)',
    });
    expect(message).toBe(
      'W&B Inference error (HTTP 401): Missing bearer authentication in header (invalid_api_key). ' +
        'Check the API key (the `apiKey` setting or WANDB_API_KEY; create one at https://wandb.ai/settings) and, if set, that `project` names a "team/project" you belong to.',
    );
  });

  it('falls back to the status text, then to "no error message"', () => {
    expect(
      buildWandbErrorMessage({
        statusCode: 418,
        statusText: "I'm a teapot",
        wandbMessage: undefined,
      }),
    ).toBe("W&B Inference error (HTTP 418): I'm a teapot");
    expect(
      buildWandbErrorMessage({ statusCode: 418, statusText: '', wandbMessage: undefined }),
    ).toBe('W&B Inference error (HTTP 418): no error message');
  });

  it('has no hint for a status without one', () => {
    expect(
      buildWandbErrorMessage({ statusCode: 418, statusText: 'x', wandbMessage: 'Short and stout' }),
    ).toBe('W&B Inference error (HTTP 418): Short and stout');
  });

  it.each([
    [400, /rejected a parameter/],
    [422, /rejected a parameter/],
    [402, /billing at https:\/\/wandb\.ai\/settings.*Retrying will not help/],
    [403, /country or region.*organization/],
    [404, /case-sensitive.*retired.*listModels\(\).*baseURL/],
    [429, /concurrent requests.*retries with backoff/],
    [500, /retries automatically/],
    [502, /retries automatically/],
    [503, /overloaded/],
    [504, /retries automatically/],
  ])('adds a hint for HTTP %i', (statusCode, hint) => {
    const message = buildWandbErrorMessage({
      statusCode,
      statusText: 'S',
      wandbMessage: 'W&B said this',
    });
    expect(message.startsWith(`W&B Inference error (HTTP ${statusCode}): W&B said this. `)).toBe(
      true,
    );
    expect(message).toMatch(hint);
  });

  it('gives a quota 429 the billing hint, not the concurrency hint', () => {
    const message = buildWandbErrorMessage({
      statusCode: 429,
      statusText: 'Too Many Requests',
      wandbMessage: 'You exceeded your current quota, please check your plan and billing details',
    });
    expect(message).toMatch(/billing/);
    expect(message).toMatch(/Retrying will not help/);
    expect(message).not.toMatch(/concurrent requests/);
  });

  it('gives a personal-account 429 the project hint', () => {
    const message = buildWandbErrorMessage({
      statusCode: 429,
      statusText: 'Too Many Requests',
      wandbMessage: "W&B Inference isn't available for personal accounts",
    });
    expect(message).toBe(
      "W&B Inference error (HTTP 429): W&B Inference isn't available for personal accounts. " +
        'Set the `project` setting to a team project ("team/project").',
    );
  });

  it("does not double the full stop when W&B's own text ends with one", () => {
    // W&B's personal-account message and FastAPI `detail` strings end with a period.
    const message = buildWandbErrorMessage({
      statusCode: 429,
      statusText: 'Too Many Requests',
      wandbMessage:
        "W&B Inference isn't available for personal accounts. Please switch to a non-personal account to access W&B Inference.",
    });
    expect(message).not.toContain('..');
    expect(message).toContain('to access W&B Inference. Set the `project` setting');
  });

  it('adds the hint even when W&B gave no message', () => {
    expect(
      buildWandbErrorMessage({ statusCode: 404, statusText: 'Not Found', wandbMessage: undefined }),
    ).toMatch(/^W&B Inference error \(HTTP 404\): Not Found\. Check the model id/);
  });
});

describe('createKeyRedactor', () => {
  const KEY = 'wandb_v1_abc123';

  it('masks every occurrence of the bearer key', () => {
    const redact = createKeyRedactor({
      Authorization: `Bearer ${KEY}`,
      'Content-Type': 'application/json',
    });
    expect(redact(`key ${KEY} and again ${KEY}.`)).toBe('key [REDACTED] and again [REDACTED].');
  });

  it('finds the header case-insensitively', () => {
    expect(createKeyRedactor({ authorization: `Bearer ${KEY}` })(`x${KEY}x`)).toBe('x[REDACTED]x');
  });

  it('leaves text without the key unchanged', () => {
    expect(createKeyRedactor({ Authorization: `Bearer ${KEY}` })('nothing here')).toBe(
      'nothing here',
    );
  });

  it.each([
    ['no authorization header', {}],
    ['an undefined header', { Authorization: undefined }],
    ['a blank key', { Authorization: 'Bearer   ' }],
    ['a non-bearer header', { Authorization: `Basic ${KEY}` }],
  ])('is the identity with %s', (_label, headers) => {
    const redact = createKeyRedactor(headers as Record<string, string | undefined>);
    expect(redact(`a ${KEY} b`)).toBe(`a ${KEY} b`);
    expect(redact('Bearer x')).toBe('Bearer x');
  });
});

describe('redactJson', () => {
  const redact = (text: string) => text.split('SECRET').join('[REDACTED]');

  it('masks strings nested anywhere in a JSON value', () => {
    expect(redactJson({ a: 'x SECRET', b: [{ c: 'SECRET' }], n: 1 }, redact)).toStrictEqual({
      a: 'x [REDACTED]',
      b: [{ c: '[REDACTED]' }],
      n: 1,
    });
  });

  it('masks a plain string value', () => {
    expect(redactJson('SECRET!', redact)).toBe('[REDACTED]!');
  });

  it('returns the same object when there is nothing to mask', () => {
    const value = { a: 'fine' };
    expect(redactJson(value, redact)).toBe(value);
  });

  it('keeps undefined as undefined', () => {
    expect(redactJson(undefined, redact)).toBeUndefined();
  });
});
