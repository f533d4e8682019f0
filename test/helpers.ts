/** Small shared pieces for the tests (not a test file itself). */
import type {
  LanguageModelV4CallOptions,
  LanguageModelV4FunctionTool,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4ToolChoice,
  LanguageModelV4Usage,
} from '@ai-sdk/provider';
import type { FakeWandbServer, RecordedRequest } from './support/fake-wandb';

export const MODEL_ID = 'openai/gpt-oss-120b';
export const API_KEY = 'test-key';

/** The usage reported when W&B sends none: every count unknown. */
export const NO_USAGE: LanguageModelV4Usage = {
  inputTokens: {
    total: undefined,
    noCache: undefined,
    cacheRead: undefined,
    cacheWrite: undefined,
  },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
  raw: undefined,
};

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

/** `weatherTool` as W&B receives it. */
export const WEATHER_TOOL_ON_WIRE = {
  type: 'function',
  function: {
    name: 'weather',
    description: 'Current weather in a city',
    parameters: weatherTool.inputSchema,
  },
};

/** Each V4 `toolChoice` (for tools that include `weather`) and the `tool_choice` W&B receives. */
export const TOOL_CHOICES: Array<[LanguageModelV4ToolChoice, unknown]> = [
  [{ type: 'auto' }, 'auto'],
  [{ type: 'none' }, 'none'],
  [{ type: 'required' }, 'required'],
  [
    { type: 'tool', toolName: 'weather' },
    { type: 'function', function: { name: 'weather' } },
  ],
];

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

/** Every typed `providerOptions.wandb` option at once (`extraBody` aside). */
export const TYPED_WANDB_OPTIONS = {
  enableThinking: true,
  reasoningEffort: 'high',
  cacheSalt: 'tenant-42',
  parallelToolCalls: false,
  logitBias: { '50256': -100 },
  user: 'end-user-7',
};

/** The W&B fields `TYPED_WANDB_OPTIONS` become on the wire. */
export const TYPED_WANDB_FIELDS = {
  chat_template_kwargs: { enable_thinking: true },
  reasoning_effort: 'high',
  cache_salt: 'tenant-42',
  parallel_tool_calls: false,
  logit_bias: { '50256': -100 },
  user: 'end-user-7',
};

/** The option names that must not reach the wire as they are (`user` is the same in both). */
export const CAMEL_CASE_OPTION_NAMES = [
  'enableThinking',
  'reasoningEffort',
  'cacheSalt',
  'parallelToolCalls',
  'logitBias',
  'extraBody',
];

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
