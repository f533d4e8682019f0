/*
 * Fault class: load. 200 concurrent calls through one provider and one model, each with its own
 * content, interleaved on the wire, some of them failing: every caller gets exactly its own
 * answer or its own error, nothing stalls, and afterwards no response is left open.
 */
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  chunk,
  completion,
  startFakeWandbServer,
  usageChunk,
  type FakeWandbServer,
  type RecordedRequest,
  type ScriptedReply,
} from '../../src/emulator/scripted-wandb-server';
import {
  MODEL_ID,
  callOptions,
  finishOf,
  partsOf,
  providerFor,
  readStream,
  userPrompt,
} from '../helpers';
import { SECRET_KEY, expectNoSecret } from './no-secret';

const CALLS = 200;

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

/** The caller number, read back from the prompt the request carries ("caller 17"). */
function callerOf(request: RecordedRequest): number {
  const match = /caller (\d+)/.exec(JSON.stringify(request.body?.messages));
  if (match == null) throw new Error(`no caller number in ${request.bodyText.slice(0, 200)}`);
  return Number(match[1]);
}

/** Caller n's answer: pieces that name n, so a piece delivered to the wrong caller shows. */
const piecesFor = (caller: number) => [
  `[${caller}] `,
  `reasoned `,
  `answer `,
  `for ${caller}`,
  ` ✓${caller}`,
];
const answerFor = (caller: number) => piecesFor(caller).join('');

/** Streams caller n's answer in small delayed writes, so that the 200 streams interleave. */
const streamedAnswer = (request: RecordedRequest): ScriptedReply => {
  const caller = callerOf(request);
  return {
    type: 'sse',
    delayMs: 1 + (caller % 4),
    events: [
      chunk({ role: 'assistant', content: '' }),
      chunk({ reasoning: `thinking about ${caller}` }),
      ...piecesFor(caller).map(piece => chunk({ content: piece })),
      chunk({}, 'stop'),
      usageChunk({ prompt_tokens: caller, completion_tokens: 5, total_tokens: caller + 5 }),
    ],
  };
};

async function expectAllResponsesClosed(): Promise<void> {
  await vi.waitFor(() => expect(server.openResponses()).toBe(0));
}

describe(`${CALLS} concurrent calls through one provider`, () => {
  it(`${CALLS} doStream calls: each gets exactly its own reasoning, text and usage`, async () => {
    server.chat(...Array.from({ length: CALLS }, () => streamedAnswer));
    const chat = providerFor(server, { apiKey: SECRET_KEY })(MODEL_ID);
    const results = await Promise.all(
      Array.from({ length: CALLS }, async (_, caller) => {
        const { stream } = await chat.doStream(
          callOptions({ prompt: userPrompt(`caller ${caller}`) }),
        );
        return { caller, ...(await readStream(stream)) };
      }),
    );
    for (const { caller, parts, thrown } of results) {
      expect(thrown).toBeUndefined();
      expect(partsOf(parts, 'error')).toEqual([]);
      expect(
        partsOf(parts, 'reasoning-delta')
          .map(part => part.delta)
          .join(''),
      ).toBe(`thinking about ${caller}`);
      expect(
        partsOf(parts, 'text-delta')
          .map(part => part.delta)
          .join(''),
      ).toBe(answerFor(caller));
      expect(finishOf(parts)).toMatchObject({
        finishReason: { unified: 'stop' },
        usage: { inputTokens: { total: caller } },
      });
    }
    await expectAllResponsesClosed();
  });

  it(`${CALLS} streamText calls: each textStream yields exactly its own answer`, async () => {
    server.chat(...Array.from({ length: CALLS }, () => streamedAnswer));
    const chat = providerFor(server, { apiKey: SECRET_KEY })(MODEL_ID);
    const errors: unknown[] = [];
    const texts = await Promise.all(
      Array.from({ length: CALLS }, async (_, caller) => {
        const result = streamText({
          model: chat,
          prompt: `caller ${caller}`,
          onError: ({ error }) => void errors.push(error),
        });
        let text = '';
        for await (const delta of result.textStream) text += delta;
        return text;
      }),
    );
    expect(errors).toEqual([]);
    for (const [caller, text] of texts.entries()) expect(text).toBe(answerFor(caller));
    await expectAllResponsesClosed();
  });

  it(`${CALLS} generateText calls: each gets exactly its own answer`, async () => {
    const answer = (request: RecordedRequest): ScriptedReply => {
      const caller = callerOf(request);
      return {
        type: 'json',
        body: completion(
          { content: answerFor(caller) },
          { usage: { prompt_tokens: caller, completion_tokens: 1 } },
        ),
      };
    };
    server.chat(...Array.from({ length: CALLS }, () => answer));
    const chat = providerFor(server, { apiKey: SECRET_KEY })(MODEL_ID);
    const results = await Promise.all(
      Array.from({ length: CALLS }, (_, caller) =>
        generateText({ model: chat, prompt: `caller ${caller}`, maxRetries: 0 }),
      ),
    );
    results.forEach((result, caller) => {
      expect(result.text).toBe(answerFor(caller));
      expect(result.usage.inputTokens).toBe(caller);
    });
    await expectAllResponsesClosed();
  });

  it(`${CALLS} doStream calls where every other one fails differently: failures stay with their caller`, async () => {
    // caller % 4: 0 answers, 1 gets an error event, 2 is cut mid-stream, 3 gets an HTTP 503.
    const mixed = (request: RecordedRequest): ScriptedReply => {
      const caller = callerOf(request);
      switch (caller % 4) {
        case 0:
          return streamedAnswer(request);
        case 1:
          return {
            type: 'sse',
            delayMs: 2,
            events: [
              chunk({ content: `[${caller}] ` }),
              { error: { message: `engine failed for ${caller}`, code: 500 } },
            ],
          };
        case 2:
          return {
            type: 'sse',
            delayMs: 2,
            events: [chunk({ content: `[${caller}] ` }), chunk({ content: 'lost' })],
            destroyAfter: 1,
          };
        default:
          return {
            type: 'json',
            status: 503,
            body: { error: { message: `overloaded for ${caller}` } },
          };
      }
    };
    server.chat(...Array.from({ length: CALLS }, () => mixed));
    const chat = providerFor(server, { apiKey: SECRET_KEY })(MODEL_ID);
    const outcomes = await Promise.all(
      Array.from({ length: CALLS }, async (_, caller) => {
        try {
          const { stream } = await chat.doStream(
            callOptions({ prompt: userPrompt(`caller ${caller}`) }),
          );
          return { caller, ...(await readStream(stream)) };
        } catch (error) {
          return { caller, parts: [] as LanguageModelV4StreamPart[], thrown: error };
        }
      }),
    );
    for (const { caller, parts, thrown } of outcomes) {
      const text = partsOf(parts, 'text-delta')
        .map(part => part.delta)
        .join('');
      const errorMessages = partsOf(parts, 'error').map(part => (part.error as Error).message);
      expectNoSecret(parts);
      switch (caller % 4) {
        case 0:
          expect(text).toBe(answerFor(caller));
          expect(errorMessages).toEqual([]);
          break;
        case 1:
          expect(text).toBe(`[${caller}] `);
          expect(errorMessages).toEqual([expect.stringContaining(`engine failed for ${caller}`)]);
          break;
        case 2:
          expect(text).toBe(`[${caller}] `);
          expect(errorMessages).toEqual([expect.stringMatching(/broke mid-stream/)]);
          break;
        default:
          expect((thrown as Error).message).toContain(`overloaded for ${caller}`);
          expectNoSecret(thrown);
      }
      if (caller % 4 !== 3) expect(thrown).toBeUndefined();
    }
    await expectAllResponsesClosed();
  });
});
