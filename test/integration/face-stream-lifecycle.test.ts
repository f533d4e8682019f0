/**
 * The /v1, /v2 and /v3 faces put one stage of their own in front of the core's stream. Over real
 * HTTP: that stage passes every part on in order, cancelling it ends the request, an abort reaches
 * the reader, and a mid-stream W&B error still arrives as an error part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb as createWandbV1 } from '../../src/v1/index';
import { createWandb as createWandbV2 } from '../../src/v2/index';
import { createWandb as createWandbV3 } from '../../src/v3/index';
import {
  chunk,
  startFakeWandbServer,
  type FakeWandbServer,
} from '../../src/emulator/scripted-wandb-server';
import { API_KEY, MODEL_ID } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

type AnyPart = { type: string; textDelta?: string; delta?: string; error?: unknown };
type FaceStream = (abortSignal?: AbortSignal) => Promise<ReadableStream<AnyPart>>;

const prompt = 'Hi';
const faces: Array<[string, FaceStream]> = [
  [
    'v1 (ai@4)',
    async abortSignal => {
      const model = createWandbV1({ apiKey: API_KEY, baseURL: server.baseURL })(MODEL_ID);
      const { stream } = await model.doStream({
        inputFormat: 'prompt',
        mode: { type: 'regular' },
        prompt: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
        abortSignal,
      });
      return stream as ReadableStream<AnyPart>;
    },
  ],
  [
    'v2 (ai@5)',
    async abortSignal => {
      const model = createWandbV2({ apiKey: API_KEY, baseURL: server.baseURL })(MODEL_ID);
      const { stream } = await model.doStream({
        prompt: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
        abortSignal,
      });
      return stream as ReadableStream<AnyPart>;
    },
  ],
  [
    'v3 (ai@6)',
    async abortSignal => {
      const model = createWandbV3({ apiKey: API_KEY, baseURL: server.baseURL })(MODEL_ID);
      const { stream } = await model.doStream({
        prompt: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
        abortSignal,
      });
      return stream as ReadableStream<AnyPart>;
    },
  ],
];

/** V1 names a text delta `textDelta`, V2 and V3 `delta`. */
const textOf = (parts: AnyPart[]) =>
  parts
    .filter(part => part.type === 'text-delta')
    .map(part => part.textDelta ?? part.delta)
    .join('');

async function readAll(stream: ReadableStream<AnyPart>): Promise<AnyPart[]> {
  const parts: AnyPart[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read())
    parts.push(read.value);
  return parts;
}

describe.each(faces)('the %s face stream', (_name, openStream) => {
  it('passes 500 deltas on in order and ends with finish', async () => {
    const words = Array.from({ length: 500 }, (_, index) => `w${index} `);
    server.chat({
      type: 'sse',
      events: [...words.map(word => chunk({ content: word })), chunk({}, 'stop')],
    });
    const parts = await readAll(await openStream());
    expect(textOf(parts)).toBe(words.join(''));
    expect(parts.at(-1)?.type).toBe('finish');
  });

  it('cancelled after the first delta, closes the connection to W&B', async () => {
    const events = Array.from({ length: 50 }, (_, index) => chunk({ content: `${index} ` }));
    server.chat({ type: 'sse', events: [...events, chunk({}, 'stop')], delayMs: 50 });
    const reader = (await openStream()).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      if (read.value.type === 'text-delta') break;
    }
    await reader.cancel();
    await expect.poll(() => server.openResponses(), { timeout: 2_000 }).toBe(0);
  });

  it('aborted mid-stream, rejects the reader with the AbortError and closes the connection', async () => {
    server.chat({ type: 'stall' });
    const controller = new AbortController();
    const stream = await openStream(controller.signal);
    setTimeout(() => controller.abort(), 50);
    const failure = await readAll(stream).then(
      parts => parts.find(part => part.type === 'error')?.error,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).name).toBe('AbortError');
    await expect.poll(() => server.openResponses(), { timeout: 2_000 }).toBe(0);
  });

  it('carries a mid-stream W&B error as an error part, after the text that arrived', async () => {
    server.chat({
      type: 'sse',
      events: [chunk({ content: 'kept' }), { error: { message: 'Engine overloaded', code: 503 } }],
    });
    const parts = await readAll(await openStream());
    expect(textOf(parts)).toBe('kept');
    const errors = parts.filter(part => part.type === 'error');
    expect(errors).toHaveLength(1);
    expect(String((errors[0].error as Error).message)).toContain('Engine overloaded');
    expect(parts.at(-1)?.type).toBe('finish');
  });
});
