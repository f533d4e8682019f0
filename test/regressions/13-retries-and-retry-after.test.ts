// docs/wandb-wire-format.md, recurring bug 13: vercel/ai#7247 → #7246 "automatically respect rate limit headers in retry logic";
// OpenRouterTeam/ai-sdk-provider#136. Retrying is `ai`'s job; the provider classifies and keeps headers.
import { APICallError } from '@ai-sdk/provider';
import { generateText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb } from '../../src/index';
import {
  completion,
  startFakeWandbServer,
  type FakeWandbServer,
  type ScriptedReply,
} from '../fake-wandb-server';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const wandb = () => createWandb({ apiKey: 'test-key', baseURL: server.baseURL });
// `retry-after-ms` keeps `ai`'s backoff short, and proves the headers reach it.
const fast = { 'retry-after-ms': '5' };
const failure = (status: number, message: string): ScriptedReply => ({
  type: 'json',
  status,
  body: { error: { message } },
  headers: fast,
});

async function run(maxRetries: number, ...replies: ScriptedReply[]) {
  server.chat(...replies);
  const before = server.requests.length;
  const outcome = await generateText({
    model: wandb()('openai/gpt-oss-120b'),
    prompt: 'hi',
    maxRetries,
  }).then(
    result => ({ text: result.text, error: undefined as unknown }),
    (error: unknown) => ({ text: undefined, error }),
  );
  return { ...outcome, attempts: server.requests.length - before };
}

const ok: ScriptedReply = { type: 'json', body: completion({ content: 'recovered' }) };

describe('retries are left to ai, with correct isRetryable and responseHeaders (vercel/ai#7246)', () => {
  it.each([
    [500, 'The server had an error while processing your request'],
    [503, 'The engine is currently overloaded, please try again later'],
    [429, 'Concurrency limit reached for requests'],
    [408, 'Request timeout'],
    [409, 'Conflict'],
  ])('retries a %i', async (status, message) => {
    const { text, attempts } = await run(1, failure(status, message), ok);
    expect(attempts).toBe(2);
    expect(text).toBe('recovered');
  });

  it.each([
    [402, 'You exceeded your current quota, please check your plan and billing details'],
    [403, 'Country, region, or territory not supported'],
    [401, 'Authentication failed'],
    [429, 'You exceeded your current quota, please check your plan and billing details'],
    [
      429,
      "W&B Inference isn't available for personal accounts. Please switch to a non-personal account to access W&B Inference.",
    ],
  ])('does not retry a %i "%s"', async (status, message) => {
    const { error, attempts } = await run(1, failure(status, message));
    expect(attempts).toBe(1);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(status);
    expect((error as APICallError).isRetryable).toBe(false);
  });

  it('exposes isRetryable and the Retry-After headers on the APICallError', async () => {
    const { error, attempts } = await run(0, {
      type: 'json',
      status: 429,
      body: { error: { message: 'Concurrency limit reached for requests' } },
      headers: { 'retry-after': '3', 'x-ratelimit-remaining-requests': '0' },
    });
    expect(attempts).toBe(1);
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.isRetryable).toBe(true);
    expect(apiError.responseHeaders?.['retry-after']).toBe('3');
    expect(apiError.responseHeaders?.['x-ratelimit-remaining-requests']).toBe('0');
  });

  it('never retries inside the provider: maxRetries 0 means one request', async () => {
    const { error, attempts } = await run(
      0,
      failure(500, 'The server had an error while processing your request'),
    );
    expect(attempts).toBe(1);
    expect((error as APICallError).isRetryable).toBe(true);
  });

  it('gives up after maxRetries with the last APICallError kept', async () => {
    const { error, attempts } = await run(
      1,
      failure(503, 'overloaded'),
      failure(503, 'still overloaded'),
    );
    expect(attempts).toBe(2);
    const lastError = (error as { lastError?: unknown }).lastError;
    expect(APICallError.isInstance(lastError)).toBe(true);
    expect((lastError as APICallError).message).toContain('still overloaded');
  });
});
