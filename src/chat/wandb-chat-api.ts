import { InvalidResponseDataError } from '@ai-sdk/provider';
import { describeValueKind } from '../error-message-parts';
import { isObject, type JsonObject } from '../json-object';

/*
 * The W&B chat wire format (OpenAI chat completions as served by vLLM): request types, and
 * lenient readers for responses and stream chunks.
 *
 * The readers are hand-written instead of zod schemas because they run once per streamed chunk
 * (the hot path) and because a violation must name the offending field. They check only the
 * fields we read; unknown fields are ignored and `null` counts as absent.
 */

// ---- request ---------------------------------------------------------------------------

export type WandbUserContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } };

export type WandbToolCall = {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
};

export type WandbAssistantMessage = {
  role: 'assistant';
  content: string | null;
  /** Earlier reasoning, read by vLLM 0.16 and later (which drop `reasoning_content`). */
  reasoning?: string;
  /** The same reasoning, read by older servers and by DeepSeek/Kimi chat templates. */
  reasoning_content?: string;
  tool_calls?: WandbToolCall[];
};

export type WandbChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | WandbUserContentPart[] }
  | WandbAssistantMessage
  | { role: 'tool'; tool_call_id: string; content: string };

export type WandbFunctionTool = {
  type: 'function';
  function: { name: string; description?: string; parameters: unknown; strict?: boolean };
};

export type WandbToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  | { type: 'function'; function: { name: string } };

// ---- response --------------------------------------------------------------------------

export type WandbUsage = {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  cached_tokens?: number;
  reasoning_tokens?: number;
  /** The usage object exactly as W&B sent it. */
  raw: Record<string, unknown>;
};

export type WandbToolCallDelta = {
  index?: number;
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
};

export type WandbResponseMetadata = { id?: string; model?: string; created?: number };

export type WandbChatResponse = WandbResponseMetadata & {
  content?: string;
  reasoning?: string;
  toolCalls: Array<{ id?: string; name: string; arguments: string }>;
  finishReason?: string;
  usage?: WandbUsage;
};

export type WandbChatChunk = WandbResponseMetadata & {
  /** W&B's error object when the server reports a failure inside the stream. */
  error?: Record<string, unknown>;
  content?: string;
  reasoning?: string;
  toolCalls?: WandbToolCallDelta[];
  finishReason?: string;
  usage?: WandbUsage;
};

function fail(path: string, expected: string, value: unknown): never {
  throw new InvalidResponseDataError({
    data: value,
    message: `Invalid W&B response: ${path} should be ${expected}, got ${describeValueKind(value)}.`,
  });
}

function readObject(value: unknown, path: string): JsonObject {
  return isObject(value) ? value : fail(path, 'an object', value);
}

function optionalString(value: unknown, path: string): string | undefined {
  if (value == null) return undefined;
  return typeof value === 'string' ? value : fail(path, 'a string', value);
}

/** Token counts: anything that is not a finite, non-negative number counts as absent. */
function tokenCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * `""` and `created: 0` count as absent: gateways and content filters send a first chunk with
 * placeholders before the model's own chunks.
 */
function readId(value: unknown, path: string): string | undefined {
  return optionalString(value, path) || undefined;
}

function readCreated(value: unknown): number | undefined {
  return typeof value === 'number' && value > 0 ? value : undefined;
}

function readMetadata(body: JsonObject, target: WandbResponseMetadata) {
  target.id = readId(body.id, 'id');
  target.model = readId(body.model, 'model');
  target.created = readCreated(body.created);
}

function readUsage(value: unknown): WandbUsage | undefined {
  if (!isObject(value)) return undefined;
  const promptDetails = isObject(value.prompt_tokens_details)
    ? value.prompt_tokens_details
    : undefined;
  const completionDetails = isObject(value.completion_tokens_details)
    ? value.completion_tokens_details
    : undefined;
  return {
    prompt_tokens: tokenCount(value.prompt_tokens),
    completion_tokens: tokenCount(value.completion_tokens),
    total_tokens: tokenCount(value.total_tokens),
    cached_tokens: tokenCount(promptDetails?.cached_tokens),
    reasoning_tokens: tokenCount(completionDetails?.reasoning_tokens),
    raw: value,
  };
}

/**
 * `reasoning` (current W&B docs) or `reasoning_content` (older docs, some models); "" is absent.
 * The field paths are built only for an error message: this runs for every streamed chunk.
 */
function readReasoning(message: JsonObject, path: string): string | undefined {
  const { reasoning, reasoning_content: reasoningContent } = message;
  if (reasoning != null && typeof reasoning !== 'string')
    fail(`${path}.reasoning`, 'a string', reasoning);
  if (reasoningContent != null && typeof reasoningContent !== 'string') {
    fail(`${path}.reasoning_content`, 'a string', reasoningContent);
  }
  return reasoning || reasoningContent || undefined;
}

/** Arguments normally arrive as a JSON string; a few servers send the object itself. */
function readArguments(value: unknown, path: string): string | undefined {
  if (value == null) return undefined;
  if (typeof value === 'string') return value;
  if (isObject(value)) return JSON.stringify(value);
  return fail(path, 'a string', value);
}

/** Reads a non-streaming chat completion. */
export function readChatResponse(value: unknown): WandbChatResponse {
  const body = readObject(value, 'the response body');
  const choices = Array.isArray(body.choices)
    ? body.choices
    : fail('choices', 'an array', body.choices);
  if (choices.length === 0) fail('choices', 'a non-empty array', choices);
  const choice = readObject(choices[0], 'choices[0]');
  const message = readObject(choice.message, 'choices[0].message');

  const toolCalls: WandbChatResponse['toolCalls'] = [];
  if (message.tool_calls != null) {
    if (!Array.isArray(message.tool_calls))
      fail('choices[0].message.tool_calls', 'an array', message.tool_calls);
    message.tool_calls.forEach((item, index) => {
      const path = `choices[0].message.tool_calls[${index}]`;
      const call = readObject(item, path);
      const fn = readObject(call.function, `${path}.function`);
      const name = optionalString(fn.name, `${path}.function.name`);
      if (!name) fail(`${path}.function.name`, 'a non-empty string', fn.name);
      toolCalls.push({
        id: optionalString(call.id, `${path}.id`),
        name,
        arguments: readArguments(fn.arguments, `${path}.function.arguments`) ?? '',
      });
    });
  }

  const response: WandbChatResponse = {
    content: optionalString(message.content, 'choices[0].message.content'),
    reasoning: readReasoning(message, 'choices[0].message'),
    toolCalls,
    finishReason: optionalString(choice.finish_reason, 'choices[0].finish_reason') || undefined,
    usage: readUsage(body.usage),
  };
  readMetadata(body, response);
  return response;
}

/**
 * One streamed tool-call delta. A well-formed delta (most of a tool-calling stream) is checked in
 * place and used as it is, without copies or field paths; anything else takes the careful path,
 * which converts what it can and names the offending field.
 */
function readToolCallDelta(item: unknown, index: number): WandbToolCallDelta {
  if (isWellFormedToolCallDelta(item)) return item;
  const path = `choices[0].delta.tool_calls[${index}]`;
  const call = readObject(item, path);
  const fn = call.function == null ? undefined : readObject(call.function, `${path}.function`);
  return {
    index: typeof call.index === 'number' ? call.index : undefined,
    id: optionalString(call.id, `${path}.id`),
    type: optionalString(call.type, `${path}.type`),
    function:
      fn == null
        ? undefined
        : {
            name: optionalString(fn.name, `${path}.function.name`),
            arguments: readArguments(fn.arguments, `${path}.function.arguments`),
          },
  };
}

function isWellFormedToolCallDelta(item: unknown): item is WandbToolCallDelta {
  if (!isObject(item)) return false;
  const fn = item.function;
  return (
    (item.index === undefined || typeof item.index === 'number') &&
    (item.id === undefined || typeof item.id === 'string') &&
    (item.type === undefined || typeof item.type === 'string') &&
    (fn === undefined ||
      (isObject(fn) &&
        (fn.name === undefined || typeof fn.name === 'string') &&
        (fn.arguments === undefined || typeof fn.arguments === 'string')))
  );
}

/**
 * Reads one streamed `chat.completion.chunk` (or an `{"error": ...}` event). The result is built
 * as one object literal with every field, so all chunks share one shape.
 */
export function readChatChunk(value: unknown): WandbChatChunk {
  const body = readObject(value, 'the stream chunk');
  const id = readId(body.id, 'id');
  const model = readId(body.model, 'model');
  const created = readCreated(body.created);

  if (body.error != null) {
    const error = isObject(body.error) ? body.error : { message: String(body.error) };
    return { id, model, created, error };
  }
  // vLLM's flat error shape: {"object": "error", "message": ..., "code": ...}
  if (body.object === 'error') return { id, model, created, error: body };

  const usage = readUsage(body.usage);
  if (body.choices != null && !Array.isArray(body.choices))
    fail('choices', 'an array', body.choices);
  // Only the first choice: the AI SDK has no notion of `n > 1`. No choice: the trailing usage chunk.
  // A present but null or non-object first choice is a wire error, as in readChatResponse.
  const choice =
    body.choices == null || body.choices.length === 0
      ? undefined
      : readObject(body.choices[0], 'choices[0]');
  const delta = choice?.delta == null ? undefined : readObject(choice.delta, 'choices[0].delta');
  const toolCalls = delta?.tool_calls;
  if (toolCalls != null && !Array.isArray(toolCalls))
    fail('choices[0].delta.tool_calls', 'an array', toolCalls);

  return {
    id,
    model,
    created,
    usage,
    // "" is no finish: some servers send it on every chunk (Ollama), and a finish ends tool calls.
    finishReason: optionalString(choice?.finish_reason, 'choices[0].finish_reason') || undefined,
    content: optionalString(delta?.content, 'choices[0].delta.content'),
    reasoning: delta == null ? undefined : readReasoning(delta, 'choices[0].delta'),
    toolCalls: toolCalls?.map(readToolCallDelta),
  };
}
