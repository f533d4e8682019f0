/*
 * Fault class: errors worth (or not worth) a retry, through the real `ai@7` retry loop. A
 * concurrency 429 is retried after the server's announced delay, a quota answer is tried exactly
 * once, and 500/503 are retried with growing backoff. Each test has its own server and runs
 * concurrently with the others, so the waits overlap.
 *
 * The only time checks are lower bounds measured by the server (a retry may not come *before*
 * the delay it was told); both announced delays exceed `ai`'s first backoff of 2 s, so meeting
 * them proves the header was read.
 */
import { APICallError } from '@ai-sdk/provider';
import { RetryError, generateText, streamText } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import {
  startFakeWandbServer,
  textStream,
  completion,
  type FakeWandbServer,
  type ScriptedReply,
} from '../../src/emulator/scripted-wandb-server';
import { MODEL_ID, errorFrom, providerFor } from '../helpers';
import { SECRET_KEY, expectNoSecret } from './no-secret';

/** `setTimeout` may fire a millisecond or so early against `performance.now()`. */
const TIMER_SLACK_MS = 20;
const AI_FIRST_BACKOFF_MS = 2000;

async function withServer(run: (server: FakeWandbServer) => Promise<void>): Promise<void> {
  const server = await startFakeWandbServer();
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

const model = (server: FakeWandbServer) => providerFor(server, { apiKey: SECRET_KEY })(MODEL_ID);

function failure(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): ScriptedReply {
  return { type: 'json', status, headers, body: { error: { message } } };
}
const concurrency = (headers: Record<string, string>) =>
  failure(429, 'Concurrency limit reached for requests', headers);
const ok = (text: string): ScriptedReply => ({ type: 'json', body: completion({ content: text }) });
const okStream = (text: string): ScriptedReply => ({ type: 'sse', events: textStream(text) });

/** Milliseconds between the arrivals of consecutive requests. */
function gapsBetweenRequests(server: FakeWandbServer): number[] {
  return server.requests
    .slice(1)
    .map((request, index) => request.receivedAt - server.requests[index].receivedAt);
}

async function streamedText(server: FakeWandbServer, errors: unknown[]): Promise<string> {
  const result = streamText({
    model: model(server),
    prompt: 'Hi',
    onError: ({ error }) => void errors.push(error),
  });
  let text = '';
  for await (const delta of result.textStream) text += delta;
  return text;
}

describe.concurrent('a concurrency 429 is retried after the server-announced delay, then succeeds', () => {
  it.each<{ header: Record<string, string>; announcedMs: number }>([
    { header: { 'retry-after-ms': '2300' }, announcedMs: 2300 },
    { header: { 'retry-after': '3' }, announcedMs: 3000 },
  ])('generateText, $header', async ({ header, announcedMs }) => {
    await withServer(async server => {
      server.chat(concurrency(header), ok('after the wait'));
      const { text } = await generateText({ model: model(server), prompt: 'Hi' });
      expect(text).toBe('after the wait');
      expect(server.requests).toHaveLength(2);
      expect(gapsBetweenRequests(server)[0]).toBeGreaterThanOrEqual(announcedMs - TIMER_SLACK_MS);
    });
  });

  it('streamText, retry-after-ms: 2300', async () => {
    await withServer(async server => {
      server.chat(concurrency({ 'retry-after-ms': '2300' }), okStream('streamed after the wait'));
      const errors: unknown[] = [];
      expect(await streamedText(server, errors)).toBe('streamed after the wait');
      expect(errors).toEqual([]);
      expect(server.requests).toHaveLength(2);
      expect(gapsBetweenRequests(server)[0]).toBeGreaterThanOrEqual(2300 - TIMER_SLACK_MS);
    });
  });
});

const quotaAnswers: Array<[string, ScriptedReply]> = [
  [
    '402 quota',
    failure(402, 'You exceeded your current quota, please check your plan and billing details'),
  ],
  [
    '429 quota (before W&B moved it to 402)',
    failure(429, 'You exceeded your current quota, please check your plan and billing details'),
  ],
  [
    '429 personal account',
    failure(
      429,
      "W&B Inference isn't available for personal accounts. Please switch to a non-personal account to access W&B Inference.",
    ),
  ],
  // Even when the server announces a delay: waiting does not buy credits.
  [
    '402 quota with retry-after-ms',
    failure(402, 'You exceeded your current quota', { 'retry-after-ms': '10' }),
  ],
];

describe.concurrent('a quota or account answer is tried exactly once', () => {
  it.each(quotaAnswers)('generateText: %s', async (_name, reply) => {
    await withServer(async server => {
      server.chat(reply, ok('must not be reached'));
      const error = await errorFrom(() => generateText({ model: model(server), prompt: 'Hi' }));
      expect(APICallError.isInstance(error)).toBe(true);
      expect((error as APICallError).isRetryable).toBe(false);
      expect((error as APICallError).message).toMatch(/Retrying will not help|team project/);
      expect(server.requests).toHaveLength(1);
      expectNoSecret(error);
    });
  });

  it.each(quotaAnswers)('streamText: %s', async (_name, reply) => {
    await withServer(async server => {
      server.chat(reply, okStream('must not be reached'));
      const errors: unknown[] = [];
      expect(await streamedText(server, errors)).toBe('');
      expect(errors).toHaveLength(1);
      expect(APICallError.isInstance(errors[0])).toBe(true);
      expect(server.requests).toHaveLength(1);
      expectNoSecret(errors[0]);
    });
  });
});

describe.concurrent('500 and 503 are retried with growing backoff', () => {
  it('generateText: 503, 503, then success; the second wait is longer than the first', async () => {
    await withServer(async server => {
      const overloaded = failure(503, 'The engine is currently overloaded, please try again later');
      server.chat(overloaded, overloaded, ok('third time lucky'));
      const { text } = await generateText({ model: model(server), prompt: 'Hi' });
      expect(text).toBe('third time lucky');
      expect(server.requests).toHaveLength(3);
      const [first, second] = gapsBetweenRequests(server);
      expect(first).toBeGreaterThanOrEqual(AI_FIRST_BACKOFF_MS - TIMER_SLACK_MS);
      expect(second).toBeGreaterThanOrEqual(2 * AI_FIRST_BACKOFF_MS - TIMER_SLACK_MS);
    });
  });

  it('streamText: 500, then a stream', async () => {
    await withServer(async server => {
      server.chat(
        failure(500, 'The server had an error while processing your request'),
        okStream('recovered'),
      );
      const errors: unknown[] = [];
      expect(await streamedText(server, errors)).toBe('recovered');
      expect(errors).toEqual([]);
      expect(server.requests).toHaveLength(2);
      expect(gapsBetweenRequests(server)[0]).toBeGreaterThanOrEqual(
        AI_FIRST_BACKOFF_MS - TIMER_SLACK_MS,
      );
    });
  });

  it('generateText: 503 every time → RetryError after 1 + maxRetries attempts, each error classified, no key', async () => {
    await withServer(async server => {
      // retry-after-ms: 0 keeps this test fast; the backoff itself is proven above.
      const overloaded = failure(503, `overloaded (key ${SECRET_KEY})`, { 'retry-after-ms': '0' });
      server.chat(overloaded, overloaded, overloaded, ok('must not be reached'));
      const error = await errorFrom(() =>
        generateText({ model: model(server), prompt: 'Hi', maxRetries: 2 }),
      );
      expect(RetryError.isInstance(error)).toBe(true);
      const retryError = error as RetryError;
      expect(retryError.reason).toBe('maxRetriesExceeded');
      expect(retryError.errors).toHaveLength(3);
      for (const attempt of retryError.errors) {
        expect(
          APICallError.isInstance(attempt) && attempt.statusCode === 503 && attempt.isRetryable,
        ).toBe(true);
      }
      expect(server.requests).toHaveLength(3);
      expectNoSecret(retryError);
    });
  });
});

describe.concurrent('the user can stop a call that waits to retry', () => {
  it('abortSignal during a 30 s retry-after wait → the call ends with the abort, no second request', async () => {
    await withServer(async server => {
      server.chat(concurrency({ 'retry-after-ms': '30000' }), ok('must not be reached'));
      const controller = new AbortController();
      const calling = errorFrom(() =>
        generateText({ model: model(server), prompt: 'Hi', abortSignal: controller.signal }),
      );
      await vi.waitFor(() => expect(server.requests).toHaveLength(1));
      controller.abort();
      // The wait would outlast the test's timeout; only the abort can end it in time.
      expect(((await calling) as Error).name).toBe('AbortError');
      expect(server.requests).toHaveLength(1);
    });
  });

  it('an already aborted signal → no request at all', async () => {
    await withServer(async server => {
      const error = await errorFrom(() =>
        generateText({ model: model(server), prompt: 'Hi', abortSignal: AbortSignal.abort() }),
      );
      expect((error as Error).name).toBe('AbortError');
      expect(server.requests).toHaveLength(0);
    });
  });
});
