import type {
  LanguageModelV1,
  LanguageModelV1CallWarning,
  LanguageModelV1FunctionToolCall,
  LanguageModelV1Source,
  LanguageModelV1StreamPart,
} from '@ai-sdk/provider-v1';
import type {
  LanguageModelV2CallWarning,
  LanguageModelV2Content,
  LanguageModelV2StreamPart,
  LanguageModelV2Usage,
} from '@ai-sdk/provider-v2';
import type { GenerateResultOf } from '../faces/language-model-face';
import { isObject } from '../json-object';
import { unknownValueError } from '../error-message-parts';
import type { LanguageModelV2GenerateResult } from '../v2/convert-v3-to-v2-results';

/*
 * LanguageModelV2 results → LanguageModelV1 (ai@4), the step below V2. V1 returns text, reasoning
 * and tool calls as separate fields rather than ordered parts, counts tokens as
 * `{promptTokens, completionTokens}`, requires `rawCall`, and streams plain deltas without
 * start/end markers or ids. It has no tool results, document sources or raw chunks.
 */

export type LanguageModelV1GenerateResult = GenerateResultOf<LanguageModelV1>;
type V1Usage = LanguageModelV1GenerateResult['usage'];
type V1Setting = Extract<LanguageModelV1CallWarning, { type: 'unsupported-setting' }>['setting'];

export function convertV2ToV1GenerateResult(
  result: LanguageModelV2GenerateResult,
): LanguageModelV1GenerateResult {
  const texts: string[] = [];
  const reasonings: string[] = [];
  const toolCalls: LanguageModelV1FunctionToolCall[] = [];
  const files: NonNullable<LanguageModelV1GenerateResult['files']> = [];
  const sources: LanguageModelV1Source[] = [];
  const warnings = result.warnings.map(convertV2ToV1Warning);

  for (const part of result.content) {
    switch (part.type) {
      case 'text':
        texts.push(part.text);
        break;
      case 'reasoning':
        reasonings.push(part.text);
        break;
      case 'tool-call':
        toolCalls.push(convertToolCall(part));
        break;
      case 'file':
        files.push({ data: part.data, mimeType: part.mediaType });
        break;
      case 'source':
        if (part.sourceType === 'url') sources.push(convertUrlSource(part));
        else warnings.push(leftOut('a document source'));
        break;
      case 'tool-result':
        warnings.push(leftOut('a provider-executed tool result'));
        break;
      default: {
        const exhaustive: never = part;
        throw unknownValueError('content part', exhaustive);
      }
    }
  }

  return {
    text: texts.length > 0 ? texts.join('') : undefined,
    reasoning: reasonings.length > 0 ? reasonings.join('') : undefined,
    toolCalls: toolCalls.length > 0 ? toolCalls : undefined,
    files: files.length > 0 ? files : undefined,
    sources: sources.length > 0 ? sources : undefined,
    finishReason: result.finishReason,
    usage: convertV2ToV1Usage(result.usage),
    rawCall: rawCallOf(result.request?.body),
    rawResponse: { headers: result.response?.headers, body: result.response?.body },
    request: requestOf(result.request?.body),
    response: result.response && {
      id: result.response.id,
      timestamp: result.response.timestamp,
      modelId: result.response.modelId,
    },
    warnings,
    providerMetadata: result.providerMetadata,
  };
}

/**
 * A stateful V2 → V1 part converter for one stream. V1 tool-call deltas repeat the tool name,
 * which V2 sends only in `tool-input-start`. Markers (`*-start`, `*-end`), `stream-start` (whose
 * warnings V1 puts on the result) and raw chunks have no V1 form and are dropped.
 */
export function createV2ToV1StreamPartConverter(): (
  part: LanguageModelV2StreamPart,
) => LanguageModelV1StreamPart | undefined {
  const toolNames = new Map<string, string>();
  return part => {
    switch (part.type) {
      case 'text-delta':
        return { type: 'text-delta', textDelta: part.delta };
      case 'reasoning-delta':
        return { type: 'reasoning', textDelta: part.delta };
      case 'tool-input-start':
        toolNames.set(part.id, part.toolName);
        return undefined;
      case 'tool-input-delta':
        return {
          type: 'tool-call-delta',
          toolCallType: 'function',
          toolCallId: part.id,
          toolName: toolNames.get(part.id) ?? '',
          argsTextDelta: part.delta,
        };
      case 'tool-call':
        return { type: 'tool-call', ...convertToolCall(part) };
      case 'file':
        return { type: 'file', mimeType: part.mediaType, data: part.data };
      case 'source':
        return part.sourceType === 'url'
          ? { type: 'source', source: convertUrlSource(part) }
          : undefined;
      case 'response-metadata':
        return {
          type: 'response-metadata',
          id: part.id,
          timestamp: part.timestamp,
          modelId: part.modelId,
        };
      case 'finish':
        return {
          type: 'finish',
          finishReason: part.finishReason,
          usage: convertV2ToV1Usage(part.usage),
          providerMetadata: part.providerMetadata,
        };
      case 'error':
        return part;
      case 'stream-start':
      case 'text-start':
      case 'text-end':
      case 'reasoning-start':
      case 'reasoning-end':
      case 'tool-input-end':
      case 'tool-result':
      case 'raw':
        return undefined;
      default: {
        const exhaustive: never = part;
        throw unknownValueError('stream part', exhaustive);
      }
    }
  };
}

function convertToolCall(
  part: Extract<LanguageModelV2Content, { type: 'tool-call' }>,
): LanguageModelV1FunctionToolCall {
  return {
    toolCallType: 'function',
    toolCallId: part.toolCallId,
    toolName: part.toolName,
    args: part.input,
  };
}

function convertUrlSource(
  part: Extract<LanguageModelV2Content, { type: 'source'; sourceType: 'url' }>,
): LanguageModelV1Source {
  return {
    sourceType: 'url',
    id: part.id,
    url: part.url,
    title: part.title,
    providerMetadata: part.providerMetadata,
  };
}

/** ai@4 reads NaN as "unknown" (it is what its own providers report when a count is missing). */
export function convertV2ToV1Usage(usage: LanguageModelV2Usage): V1Usage {
  return {
    promptTokens: usage.inputTokens ?? Number.NaN,
    completionTokens: usage.outputTokens ?? Number.NaN,
  };
}

/** The V1 call settings a warning may name; V2's `maxOutputTokens` was V1's `maxTokens`. */
const V1_SETTINGS = {
  maxTokens: true,
  temperature: true,
  stopSequences: true,
  topP: true,
  topK: true,
  presencePenalty: true,
  frequencyPenalty: true,
  responseFormat: true,
  seed: true,
  abortSignal: true,
  headers: true,
} satisfies Record<V1Setting, true>;

export function convertV2ToV1Warning(
  warning: LanguageModelV2CallWarning,
): LanguageModelV1CallWarning {
  switch (warning.type) {
    case 'unsupported-setting': {
      const setting = warning.setting === 'maxOutputTokens' ? 'maxTokens' : String(warning.setting);
      if (Object.hasOwn(V1_SETTINGS, setting)) {
        return {
          type: 'unsupported-setting',
          setting: setting as V1Setting,
          details: warning.details,
        };
      }
      return {
        type: 'other',
        message: `${setting} is not supported${warning.details == null ? '' : `: ${warning.details}`}`,
      };
    }
    case 'unsupported-tool': {
      const { tool } = warning;
      return {
        type: 'unsupported-tool',
        tool:
          tool.type === 'function'
            ? {
                type: 'function',
                name: tool.name,
                description: tool.description,
                parameters: tool.inputSchema,
              }
            : tool,
        details: warning.details,
      };
    }
    case 'other':
      return warning;
    default: {
      const exhaustive: never = warning;
      throw unknownValueError('warning', exhaustive);
    }
  }
}

function leftOut(what: string): LanguageModelV1CallWarning {
  return {
    type: 'other',
    message: `The answer held ${what}, which LanguageModelV1 (ai@4) cannot carry; it was left out.`,
  };
}

/**
 * V1's `rawCall` is the prompt and settings as sent: the messages of the request body, and the
 * rest of the body.
 */
export function rawCallOf(body: unknown): LanguageModelV1GenerateResult['rawCall'] {
  if (!isObject(body)) return { rawPrompt: body, rawSettings: {} };
  const { messages, ...rawSettings } = body;
  return { rawPrompt: messages, rawSettings };
}

/** V1 gives the request body as the JSON text that was sent. */
export function requestOf(body: unknown): LanguageModelV1GenerateResult['request'] {
  return body === undefined
    ? undefined
    : { body: typeof body === 'string' ? body : JSON.stringify(body) };
}
