import type {
  LanguageModelV2,
  LanguageModelV2CallOptions,
  LanguageModelV2CallWarning,
  LanguageModelV2Content,
  LanguageModelV2FinishReason,
  LanguageModelV2StreamPart,
  LanguageModelV2Usage,
  SharedV2ProviderMetadata,
} from '@ai-sdk/provider-v2';
import type {
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
  SharedV3Warning,
} from '@ai-sdk/provider-v3';
import type { GenerateResultOf } from '../faces/language-model-face';
import { unknownValueError } from '../error-message-parts';

/*
 * LanguageModelV3 results → LanguageModelV2 (ai@5), the step below V3. V2 has flat usage, a plain
 * string finish reason, warnings that name a call setting, and no tool approvals.
 *
 * The casts to V2 types only narrow metadata: V3 allows `undefined` values inside JSON objects.
 */

export type LanguageModelV2GenerateResult = GenerateResultOf<LanguageModelV2>;

export function convertV3ToV2GenerateResult(
  result: LanguageModelV3GenerateResult,
): LanguageModelV2GenerateResult {
  const warnings = result.warnings.map(convertV3ToV2Warning);
  const content: LanguageModelV2Content[] = [];
  for (const part of result.content) {
    const converted = convertV3ToV2Content(part);
    if (converted != null) content.push(converted);
    else
      warnings.push({
        type: 'other',
        message: `A ${part.type} part of the answer cannot be represented in LanguageModelV2 (ai@5) and was left out.`,
      });
  }
  return {
    content,
    finishReason: convertV3ToV2FinishReason(result.finishReason),
    usage: convertV3ToV2Usage(result.usage),
    providerMetadata: result.providerMetadata as SharedV2ProviderMetadata | undefined,
    request: result.request,
    response: result.response,
    warnings,
  };
}

/** One V3 stream part as V2, or `undefined` for parts V2 has no form for (dropped). */
export function convertV3ToV2StreamPart(
  part: LanguageModelV3StreamPart,
): LanguageModelV2StreamPart | undefined {
  switch (part.type) {
    case 'stream-start':
      return { type: 'stream-start', warnings: part.warnings.map(convertV3ToV2Warning) };
    case 'finish':
      return {
        type: 'finish',
        finishReason: convertV3ToV2FinishReason(part.finishReason),
        usage: convertV3ToV2Usage(part.usage),
        providerMetadata: part.providerMetadata as SharedV2ProviderMetadata | undefined,
      };
    case 'tool-input-start':
      return {
        type: 'tool-input-start',
        id: part.id,
        toolName: part.toolName,
        providerExecuted: part.providerExecuted,
        providerMetadata: part.providerMetadata as SharedV2ProviderMetadata | undefined,
      };
    case 'tool-approval-request':
      return undefined;
    case 'tool-call':
    case 'tool-result':
    case 'file':
    case 'source':
      // These four are content parts and stream parts alike.
      return convertV3ToV2Content(part) as LanguageModelV2StreamPart | undefined;
    case 'text-start':
    case 'text-delta':
    case 'text-end':
    case 'reasoning-start':
    case 'reasoning-delta':
    case 'reasoning-end':
    case 'tool-input-delta':
    case 'tool-input-end':
    case 'response-metadata':
    case 'raw':
    case 'error':
      return part as LanguageModelV2StreamPart;
    default: {
      const exhaustive: never = part;
      throw unknownValueError('stream part', exhaustive);
    }
  }
}

function convertV3ToV2Content(part: LanguageModelV3Content): LanguageModelV2Content | undefined {
  switch (part.type) {
    case 'tool-call': {
      const { dynamic: _dynamic, ...rest } = part;
      return rest as LanguageModelV2Content;
    }
    case 'tool-result': {
      const { dynamic: _dynamic, preliminary: _preliminary, ...rest } = part;
      return rest as LanguageModelV2Content;
    }
    case 'tool-approval-request':
      return undefined;
    case 'text':
    case 'reasoning':
    case 'file':
    case 'source':
      return part as LanguageModelV2Content;
    default: {
      const exhaustive: never = part;
      throw unknownValueError('content part', exhaustive);
    }
  }
}

export function convertV3ToV2FinishReason(
  finishReason: LanguageModelV3FinishReason,
): LanguageModelV2FinishReason {
  return finishReason.unified;
}

export function convertV3ToV2Usage(usage: LanguageModelV3Usage): LanguageModelV2Usage {
  const inputTokens = usage.inputTokens.total;
  const outputTokens = usage.outputTokens.total;
  return {
    inputTokens,
    outputTokens,
    totalTokens:
      inputTokens == null && outputTokens == null
        ? undefined
        : (inputTokens ?? 0) + (outputTokens ?? 0),
    reasoningTokens: usage.outputTokens.reasoning,
    cachedInputTokens: usage.inputTokens.cacheRead,
  };
}

/** The V2 call settings a warning may name (`satisfies` keeps the list complete). */
const V2_SETTINGS = {
  maxOutputTokens: true,
  temperature: true,
  stopSequences: true,
  topP: true,
  topK: true,
  presencePenalty: true,
  frequencyPenalty: true,
  responseFormat: true,
  seed: true,
  tools: true,
  toolChoice: true,
  includeRawChunks: true,
  abortSignal: true,
  headers: true,
  providerOptions: true,
} satisfies Record<Exclude<keyof LanguageModelV2CallOptions, 'prompt'>, true>;

/**
 * V3 warnings name a feature; V2 ones name a call setting. A feature that is a setting (`topK`)
 * stays `unsupported-setting`; any other becomes an `other` warning that keeps all its words.
 */
export function convertV3ToV2Warning(warning: SharedV3Warning): LanguageModelV2CallWarning {
  switch (warning.type) {
    case 'unsupported':
      if (Object.hasOwn(V2_SETTINGS, warning.feature)) {
        return { type: 'unsupported-setting', setting: warning.feature, details: warning.details };
      }
      return {
        type: 'other',
        message: joinFeatureAndDetails(`${warning.feature} is not supported`, warning.details),
      };
    case 'compatibility':
      return {
        type: 'other',
        message: joinFeatureAndDetails(
          `${warning.feature} runs in a compatibility mode`,
          warning.details,
        ),
      };
    case 'other':
      return warning;
    default: {
      const exhaustive: never = warning;
      throw unknownValueError('warning', exhaustive);
    }
  }
}

function joinFeatureAndDetails(summary: string, details: string | undefined): string {
  return details == null ? summary : `${summary}: ${details}`;
}
