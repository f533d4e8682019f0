/** Small shared pieces for the tests (not a test file itself). */
import type {
  LanguageModelV4CallOptions,
  LanguageModelV4FunctionTool,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import { createWandb, type WandbProviderSettings } from '../src/index';
import {
  chunk,
  type FakeWandbServer,
  type RecordedRequest,
} from '../src/emulator/scripted-wandb-server';

export const MODEL_ID = 'openai/gpt-oss-120b';
export const API_KEY = 'test-key';

/** A provider pointed at the fake server. */
export function providerFor(server: FakeWandbServer, settings: WandbProviderSettings = {}) {
  return createWandb({ apiKey: API_KEY, baseURL: server.baseURL, ...settings });
}

/** A one-message user prompt in the V4 format. */
export function userPrompt(text = 'Hi'): LanguageModelV4Prompt {
  return [{ role: 'user', content: [{ type: 'text', text }] }];
}

/** V4 call options with a short user prompt; `overrides` win. */
export function callOptions(
  overrides: Partial<LanguageModelV4CallOptions> = {},
): LanguageModelV4CallOptions {
  return { prompt: userPrompt(), ...overrides };
}

/** A V4 function tool `weather({ city })`. */
export const weatherTool: LanguageModelV4FunctionTool = {
  type: 'function',
  name: 'weather',
  description: 'Current weather in a city',
  inputSchema: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
};

/** A V4 function tool `search({ query, limit? })`. */
export const searchTool: LanguageModelV4FunctionTool = {
  type: 'function',
  name: 'search',
  inputSchema: {
    type: 'object',
    properties: { query: { type: 'string' }, limit: { type: 'number' } },
    required: ['query'],
  },
};

/** The last request the fake server saw. */
export function lastRequest(server: FakeWandbServer): RecordedRequest {
  const request = server.requests.at(-1);
  if (request == null) throw new Error('the fake server has not seen a request');
  return request;
}

/** A header of a recorded request as one string. */
export function headerOf(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Reads a V4 stream to the end. A rejected read is returned as `thrown` instead of throwing. */
export async function readStream(
  stream: ReadableStream<LanguageModelV4StreamPart>,
): Promise<{ parts: LanguageModelV4StreamPart[]; thrown?: unknown }> {
  const parts: LanguageModelV4StreamPart[] = [];
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { parts };
      parts.push(value);
    }
  } catch (error) {
    return { parts, thrown: error };
  }
}

/** Reads a V4 stream to the end and fails if reading throws. */
export async function readParts(
  stream: ReadableStream<LanguageModelV4StreamPart>,
): Promise<LanguageModelV4StreamPart[]> {
  const { parts, thrown } = await readStream(stream);
  if (thrown !== undefined) throw thrown;
  return parts;
}

/** The parts of one type, narrowed. */
export function partsOf<T extends LanguageModelV4StreamPart['type']>(
  parts: LanguageModelV4StreamPart[],
  type: T,
): Array<Extract<LanguageModelV4StreamPart, { type: T }>> {
  return parts.filter(
    (part): part is Extract<LanguageModelV4StreamPart, { type: T }> => part.type === type,
  );
}

/** The single `finish` part. */
export function finishOf(parts: LanguageModelV4StreamPart[]) {
  const finishes = partsOf(parts, 'finish');
  if (finishes.length !== 1) throw new Error(`expected one finish part, got ${finishes.length}`);
  return finishes[0];
}

/** The part types in order, without `raw` parts. */
export function typesOf(parts: LanguageModelV4StreamPart[]): string[] {
  return parts.filter(part => part.type !== 'raw').map(part => part.type);
}

/** A streamed chunk carrying tool-call deltas. */
export function toolDelta(...toolCalls: Array<Record<string, unknown>>) {
  return chunk({ tool_calls: toolCalls });
}

/** Resolves to what `action` threw or rejected with; fails when it succeeds. */
export async function errorFrom(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, but the action succeeded');
}

/** Everything an error says about itself (message, enumerable fields, string form). */
export function describeError(error: unknown): string {
  if (error == null) return String(error);
  const message = (error as { message?: unknown }).message;
  let json = '';
  try {
    json = JSON.stringify(error) ?? '';
  } catch {
    json = '';
  }
  return `${typeof message === 'string' ? message : ''} ${json} ${String(error)}`;
}
