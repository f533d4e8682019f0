/*
 * What is compared: this package's chat model (the built `dist/`, imported by its package name as
 * users do), `@ai-sdk/openai-compatible` configured for W&B as its docs suggest, and the raw floor
 * (reading the body, splitting events and `JSON.parse`, nothing else). All of them get their bytes
 * from the same in-memory `fetch`.
 */
import type { LanguageModelV4, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { createWandb } from 'wandb-ai-provider';
import type { StreamFixture } from './fixtures.ts';

export const PACKAGE_NAME = 'wandb-ai-provider';
export const ANCHOR_NAME = '@ai-sdk/openai-compatible';
export const FLOOR_NAME = 'floor';
export const FLOOR_WITH_PARTS_NAME = 'floor with part stream';

const BASE_URL = 'https://api.inference.wandb.ai/v1';
const API_KEY = 'bench-key';
const MODEL_ID = 'moonshotai/Kimi-K2.7-Code';
/** The body arrives in pieces of this size, as from a socket with a backlog. */
const PIECE_BYTES = 4096;

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A fetch that answers every request with `fixture` as a 200 event stream, handed out in 4 KiB
 * pieces on demand. `onResponse` runs when the response (and with it the first byte) is ready.
 */
export function memoryFetch(fixture: StreamFixture, onResponse?: () => void): Fetch {
  return async () => {
    const { bytes } = fixture;
    let offset = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (offset >= bytes.length) return controller.close();
          controller.enqueue(bytes.subarray(offset, offset + PIECE_BYTES));
          offset += PIECE_BYTES;
        },
      },
      { highWaterMark: 0 },
    );
    const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    onResponse?.();
    return response;
  };
}

export type ModelContender = {
  name: string;
  createModel(fetch: Fetch): LanguageModelV4;
};

export const ourPackage: ModelContender = {
  name: PACKAGE_NAME,
  createModel: fetch => createWandb({ apiKey: API_KEY, fetch })(MODEL_ID),
};

export const anchor: ModelContender = {
  name: ANCHOR_NAME,
  createModel: fetch =>
    createOpenAICompatible({
      name: 'wandb',
      baseURL: BASE_URL,
      apiKey: API_KEY,
      includeUsage: true,
      fetch,
    }).chatModel(MODEL_ID),
};

export const modelContenders = [ourPackage, anchor];

export const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Hi' }] }];

/** What a stream produced, to check that every contender did the full job. */
export type StreamTally = {
  textDeltas: number;
  reasoningDeltas: number;
  toolCalls: number;
  toolInputDeltas: number;
};

/** Runs `doStream` on `fixture` and reads every part. Throws on an error part, so a failure cannot pass for speed. */
export async function streamThroughModel(
  contender: ModelContender,
  fixture: StreamFixture,
): Promise<StreamTally> {
  const model = contender.createModel(memoryFetch(fixture));
  const { stream } = await model.doStream({ prompt });
  const tally: StreamTally = {
    textDeltas: 0,
    reasoningDeltas: 0,
    toolCalls: 0,
    toolInputDeltas: 0,
  };
  const reader = stream.getReader();
  let last: LanguageModelV4StreamPart | undefined;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    last = read.value;
    switch (last.type) {
      case 'text-delta':
        tally.textDeltas++;
        break;
      case 'reasoning-delta':
        tally.reasoningDeltas++;
        break;
      case 'tool-call':
        tally.toolCalls++;
        break;
      case 'tool-input-delta':
        tally.toolInputDeltas++;
        break;
      case 'error':
        throw new Error(`${contender.name} reported an error part: ${String(last.error)}`);
      default:
        break;
    }
  }
  if (last?.type !== 'finish')
    throw new Error(`${contender.name}'s stream did not end with a finish part`);
  return tally;
}

/**
 * The floor: read the same body, split it into events, `JSON.parse` each, and pass each parsed
 * chunk to `onChunk`. Returns the chunk count.
 */
async function splitAndParse(
  fixture: StreamFixture,
  onChunk: (chunk: unknown) => void,
): Promise<number> {
  const response = await memoryFetch(fixture)(`${BASE_URL}/chat/completions`, { method: 'POST' });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let chunks = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    buffer += decoder.decode(read.value, { stream: true });
    let start = 0;
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n', start)) {
      const data = buffer.slice(start + 'data: '.length, end);
      start = end + 2;
      if (data !== '[DONE]') {
        onChunk(JSON.parse(data));
        chunks++;
      }
    }
    buffer = buffer.slice(start);
  }
  return chunks;
}

/** The raw floor: splitting events and `JSON.parse`, nothing else. */
export function streamThroughFloor(fixture: StreamFixture): Promise<number> {
  return splitAndParse(fixture, () => {});
}

/**
 * The floor plus what the LanguageModelV4 interface itself costs: one part per chunk handed
 * through a ReadableStream to a reader, as every provider's `doStream` must.
 */
export async function streamThroughFloorWithPartStream(fixture: StreamFixture): Promise<number> {
  let controller!: ReadableStreamDefaultController<{
    type: 'text-delta';
    id: string;
    delta: string;
  }>;
  const parts = new ReadableStream<{ type: 'text-delta'; id: string; delta: string }>({
    start(streamController) {
      controller = streamController;
    },
  });
  const producing = splitAndParse(fixture, () =>
    controller.enqueue({ type: 'text-delta', id: '0', delta: '' }),
  ).then(chunks => {
    controller.close();
    return chunks;
  });
  const reader = parts.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read());
  return producing;
}
