// docs/wandb-wire-format.md, recurring bug 25.
// A DNS failure or a refused connection reached users as provider-utils' bare
// `Cannot connect to API: getaddrinfo ENOTFOUND …` / `connect ECONNREFUSED …`
// (https://github.com/dyad-sh/dyad/issues/2572 "Cannot connect to API: getaddrinfo ENOTFOUND",
// https://github.com/anomalyco/opencode/issues/41995 "Cannot connect to API: connect ECONNREFUSED
// 127.0.0.1:9 … retrying"), with nothing about which URL was tried or what to check. The error must name W&B's base URL
// setting, the network and a proxy, stay a retryable APICallError, and never contain the key.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APICallError } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { createWandb } from '../../src/index';
import { MODEL_ID, errorFrom, userPrompt } from '../helpers';
import { SECRET_KEY, expectNoSecret } from '../reliability/no-secret';

/** A loopback port nothing listens on: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}

function expectConnectionHint(error: unknown, reason: RegExp) {
  expect(APICallError.isInstance(error)).toBe(true);
  const apiError = error as APICallError;
  expect(apiError.isRetryable).toBe(true);
  expect(apiError.statusCode).toBeUndefined();
  expect(apiError.message).toMatch(reason);
  expect(apiError.message).toMatch(/network/);
  expect(apiError.message).toMatch(/proxy/);
  expect(apiError.message).toMatch(/baseURL/);
  expect(apiError.message).toMatch(/WANDB_BASE_URL/);
  expectNoSecret(error, 'the connection error');
}

describe('connection failures say what to check', () => {
  it('refused connection (doGenerate): hint, retryable, key-free', async () => {
    const baseURL = `http://127.0.0.1:${await closedPort()}/v1`;
    const model = createWandb({ apiKey: SECRET_KEY, baseURL })(MODEL_ID);
    const error = await errorFrom(() => model.doGenerate({ prompt: userPrompt() }));
    expectConnectionHint(error, /ECONNREFUSED/);
    expect((error as APICallError).message).toContain(baseURL);
  });

  it('refused connection (streamText): the error part carries the hint', async () => {
    const baseURL = `http://127.0.0.1:${await closedPort()}/v1`;
    const errors: unknown[] = [];
    const result = streamText({
      model: createWandb({ apiKey: SECRET_KEY, baseURL })(MODEL_ID),
      prompt: 'Hi',
      maxRetries: 0,
      onError: ({ error }) => void errors.push(error),
    });
    for await (const _ of result.fullStream) {
      // drain
    }
    expect(errors).toHaveLength(1);
    expectConnectionHint(errors[0], /ECONNREFUSED/);
  });

  it('DNS failure (generateText): hint, retryable, key-free', async () => {
    const error = await errorFrom(() =>
      generateText({
        model: createWandb({ apiKey: SECRET_KEY, baseURL: 'http://wandb-emulator.invalid/v1' })(
          MODEL_ID,
        ),
        prompt: 'Hi',
        maxRetries: 0,
      }),
    );
    expectConnectionHint(error, /ENOTFOUND|EAI_AGAIN/);
  });

  it('listModels: the same hint', async () => {
    const baseURL = `http://127.0.0.1:${await closedPort()}/v1`;
    const error = await errorFrom(() => createWandb({ apiKey: SECRET_KEY, baseURL }).listModels());
    expectConnectionHint(error, /ECONNREFUSED/);
  });
});
