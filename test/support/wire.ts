/**
 * The one home of the W&B wire pieces tests send: chunks and completions as W&B (vLLM) writes them,
 * and the SSE text around them.
 *
 * Two families: the realistic ones (`chunk`, `completion`, … with id, model and created, the same
 * builders the fake server's scripts use) and the bare ones (`bare…`: only the fields the reader
 * looks at), for unit tests whose expected output would otherwise carry a response-metadata part.
 */
export {
  type ChunkOrigin,
  chunk,
  completion,
  textStream,
  usageChunk,
} from './fake-wandb';
import { chunk, usageChunk } from './fake-wandb';

/** The error body W&B answers a request without a key with (HTTP 401), as recorded. */
export const MISSING_KEY_BODY = {
  error: {
    code: 'invalid_api_key',
    message: 'Missing bearer authentication in header',
    type: 'invalid_request_error',
  },
};

/** A streamed chunk carrying tool-call deltas. */
export function toolDelta(...toolCalls: Array<Record<string, unknown>>) {
  return chunk({ tool_calls: toolCalls });
}

/** The delta that opens tool call `index`: its id, type and name, and the first piece of arguments. */
export function toolCallStart(index: number, id: string, name: string, args: string) {
  return toolDelta({ index, id, type: 'function', function: { name, arguments: args } });
}

/** A complete tool-call turn: one call whose arguments arrive in `pieces`, then `tool_calls` and usage. */
export function toolCallStream(id: string, name: string, ...pieces: string[]) {
  return [
    chunk({ role: 'assistant', content: null }),
    toolCallStart(0, id, name, ''),
    ...pieces.map(piece => toolDelta({ index: 0, function: { arguments: piece } })),
    chunk({}, 'tool_calls'),
    usageChunk(),
  ];
}

/** W&B's usage object with its cached-prompt and reasoning details. */
export function usageWithDetails(tokens: {
  prompt: number;
  completion: number;
  cached: number;
  reasoning: number;
}) {
  return {
    prompt_tokens: tokens.prompt,
    completion_tokens: tokens.completion,
    total_tokens: tokens.prompt + tokens.completion,
    prompt_tokens_details: { cached_tokens: tokens.cached },
    completion_tokens_details: { reasoning_tokens: tokens.reasoning },
  };
}

/** SSE text: each event becomes `data: <json>\n\n`; strings are sent verbatim as the data. */
export function sse(...events: unknown[]): string {
  return events
    .map(event => `data: ${typeof event === 'string' ? event : JSON.stringify(event)}\n\n`)
    .join('');
}

/** A bare chunk with one choice carrying `delta`; `fields` add to the chunk, `choice` to the choice. */
export function bareChunk(
  delta: Record<string, unknown> | null,
  fields: Record<string, unknown> = {},
  choice: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, ...choice }],
    ...fields,
  };
}

/** A bare mid-stream chunk carrying `delta`, with vLLM's null `logprobs` and finish reason. */
export function bareDelta(delta: Record<string, unknown>): Record<string, unknown> {
  return bareChunk(delta, {}, { logprobs: null, finish_reason: null });
}

/** A bare chunk carrying tool-call deltas. */
export function bareToolDelta(...toolCalls: Array<Record<string, unknown>>) {
  return bareDelta({ tool_calls: toolCalls });
}

/** A bare `toolCallStart`. */
export function bareToolCallStart(index: number, id: string, name: string, args: string) {
  return bareToolDelta({ index, id, type: 'function', function: { name, arguments: args } });
}

/** A bare chunk that ends the choice with `reason`. */
export function bareFinish(reason: string): Record<string, unknown> {
  return bareChunk({}, {}, { finish_reason: reason });
}

/** A bare trailing usage chunk (`choices: []`). */
export function bareUsageChunk(usage: Record<string, unknown>): Record<string, unknown> {
  return { object: 'chat.completion.chunk', choices: [], usage };
}

/** A bare non-streaming completion with one choice carrying `message`; `fields` add to it. */
export function bareCompletion(
  message: Record<string, unknown>,
  fields: Record<string, unknown> = {},
) {
  return { choices: [{ index: 0, message, finish_reason: 'stop' }], ...fields };
}
