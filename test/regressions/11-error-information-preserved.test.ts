// docs/wandb-wire-format.md, recurring bug 11: vercel/ai#13506 → #17230 (forward the whole parsed error object; v6 #17278), #14019;
// OpenRouterTeam/ai-sdk-provider#422 → PR #428 (extractErrorMessage), #136; Fireworks' `{"error":"string"}`.
import { APICallError } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb } from '../../src/index';
import {
  chunk,
  startFakeWandbServer,
  type FakeWandbServer,
  type ScriptedReply,
} from '../fake-wandb-server';
import { MODEL_ID, describeError, finishOf, partsOf, readParts, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const API_KEY = 'sk-wandb-very-secret-0123456789';
const model = () => createWandb({ apiKey: API_KEY, baseURL: server.baseURL })(MODEL_ID);

async function apiCallErrorFor(reply: ScriptedReply): Promise<APICallError> {
  server.chat(reply);
  const error = await Promise.resolve(model().doGenerate({ prompt: userPrompt() })).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(APICallError.isInstance(error)).toBe(true);
  expect(describeError(error)).not.toContain(API_KEY);
  return error as APICallError;
}

describe('error information is kept (vercel/ai#17230, OpenRouter#422)', () => {
  it('{error:{message,type,code}}: message quoted, parsed body in data, status, headers and body kept', async () => {
    // The one recorded W&B error body (docs/wandb-wire-format.md, Errors).
    const body = {
      error: {
        code: 'invalid_api_key',
        message: 'Missing bearer authentication in header',
        type: 'invalid_request_error',
      },
    };
    const error = await apiCallErrorFor({
      type: 'json',
      status: 401,
      body,
      headers: { 'x-request-id': 'req-123' },
    });
    expect(error.message).toContain('Missing bearer authentication in header');
    expect(error.message).not.toContain('{"error"'); // extracted, not the raw body
    expect(error.statusCode).toBe(401);
    expect(error.data).toEqual(body);
    expect(error.responseBody).toBe(JSON.stringify(body));
    expect(error.responseHeaders?.['x-request-id']).toBe('req-123');
    expect(error.isRetryable).toBe(false);
  });

  it('{detail: string}: the detail is the message', async () => {
    const body = { detail: 'Parameter top_logprobs is not supported by this model' };
    const error = await apiCallErrorFor({ type: 'json', status: 422, body });
    expect(error.message).toContain('Parameter top_logprobs is not supported by this model');
    expect(error.message).not.toContain('{"detail"');
    expect(error.data).toEqual(body);
  });

  it('{detail: [{loc,msg,type}]}: every msg is in the message', async () => {
    const body = {
      detail: [
        {
          loc: ['body', 'temperature'],
          msg: 'Input should be less than or equal to 2',
          type: 'less_than_equal',
        },
        { loc: ['body', 'messages'], msg: 'Field required', type: 'missing' },
      ],
    };
    const error = await apiCallErrorFor({ type: 'json', status: 422, body });
    expect(error.message).toContain('Input should be less than or equal to 2');
    expect(error.message).toContain('Field required');
    expect(error.message).not.toContain('{"detail"');
    expect(error.data).toEqual(body);
  });

  it('non-JSON gateway page: falls back to the status text, keeps the raw body', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const error = await apiCallErrorFor({ type: 'text', status: 502, body: html });
    expect(error.message).toContain('Bad Gateway');
    expect(error.statusCode).toBe(502);
    expect(error.responseBody).toBe(html);
  });

  it('empty 500 body: falls back to the status text', async () => {
    const error = await apiCallErrorFor({ type: 'text', status: 500, body: '' });
    expect(error.message).toContain('Internal Server Error');
    expect(error.statusCode).toBe(500);
  });

  it('mid-stream {"error":{...}} chunk: error part carries the message and the whole object', async () => {
    const wandbError = {
      message: 'The engine is currently overloaded, please try again later',
      type: 'server_error',
      code: 'engine_overloaded',
    };
    server.chat({
      type: 'sse',
      events: [chunk({ content: 'Partial' }), { error: wandbError }],
      done: false,
    });
    const { stream } = await model().doStream({ prompt: userPrompt() });
    const parts = await readParts(stream);
    const errors = partsOf(parts, 'error');
    expect(errors.length).toBeGreaterThanOrEqual(1);
    const text = describeError(errors[0].error);
    expect(text).toContain(wandbError.message);
    expect(text).toContain('engine_overloaded');
    expect(text).not.toContain(API_KEY);
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('errors of a streaming request are APICallErrors too', async () => {
    server.chat({
      type: 'json',
      status: 404,
      body: { error: { message: 'The requested resource was not found' } },
    });
    const error = await Promise.resolve(model().doStream({ prompt: userPrompt() })).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).message).toContain('The requested resource was not found');
    expect((error as APICallError).statusCode).toBe(404);
  });
});
