import type {
  LanguageModelV4Content,
  LanguageModelV4File,
  LanguageModelV4FinishReason,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
  SharedV4Warning,
} from '@ai-sdk/provider';
import type {
  LanguageModelV3Content,
  LanguageModelV3File,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
  SharedV3ProviderMetadata,
  SharedV3Warning,
} from '@ai-sdk/provider-v3';
import { unknownValueError } from '../error-message-parts';

/*
 * LanguageModelV4 results → LanguageModelV3 (ai@6). V3 cannot carry V4's `custom` and
 * `reasoning-file` content, files given by URL, citations, the `interrupted` finish reason or
 * `deprecated` warnings; each is dropped or folded into its nearest V3 form below.
 *
 * The casts to V3 types only drop `readonly` from JSON values (V4 made them readonly).
 */

export function convertV4ToV3GenerateResult(
  result: LanguageModelV4GenerateResult,
): LanguageModelV3GenerateResult {
  const warnings = result.warnings.map(convertV4ToV3Warning);
  const content: LanguageModelV3Content[] = [];
  for (const part of result.content) {
    const converted = convertV4ToV3Content(part);
    if (converted != null) content.push(converted);
    else
      warnings.push({
        type: 'other',
        message: `A ${part.type} part of the answer cannot be represented in LanguageModelV3 (ai@6) and was left out.`,
      });
  }
  return {
    content,
    finishReason: convertV4ToV3FinishReason(result.finishReason),
    usage: convertV4ToV3Usage(result.usage),
    providerMetadata: result.providerMetadata as SharedV3ProviderMetadata | undefined,
    request: result.request && { body: result.request.body },
    response: result.response,
    warnings,
  };
}

/** One V4 stream part as V3, or `undefined` for parts V3 has no form for (dropped). */
export function convertV4ToV3StreamPart(
  part: LanguageModelV4StreamPart,
): LanguageModelV3StreamPart | undefined {
  switch (part.type) {
    case 'stream-start':
      return { type: 'stream-start', warnings: part.warnings.map(convertV4ToV3Warning) };
    case 'finish':
      return {
        type: 'finish',
        finishReason: convertV4ToV3FinishReason(part.finishReason),
        usage: convertV4ToV3Usage(part.usage),
        providerMetadata: part.providerMetadata as SharedV3ProviderMetadata | undefined,
      };
    case 'text-end': {
      const { citations: _citations, ...rest } = part;
      return rest as LanguageModelV3StreamPart;
    }
    case 'file':
      return convertV4ToV3File(part);
    case 'ping':
    case 'custom':
    case 'reasoning-file':
      return undefined;
    case 'text-start':
    case 'text-delta':
    case 'reasoning-start':
    case 'reasoning-delta':
    case 'reasoning-end':
    case 'tool-input-start':
    case 'tool-input-delta':
    case 'tool-input-end':
    case 'tool-approval-request':
    case 'tool-call':
    case 'tool-result':
    case 'source':
    case 'response-metadata':
    case 'raw':
    case 'error':
      return part as LanguageModelV3StreamPart;
    default: {
      const exhaustive: never = part;
      throw unknownValueError('stream part', exhaustive);
    }
  }
}

function convertV4ToV3Content(part: LanguageModelV4Content): LanguageModelV3Content | undefined {
  switch (part.type) {
    case 'text': {
      const { citations: _citations, ...rest } = part;
      return rest as LanguageModelV3Content;
    }
    case 'file':
      return convertV4ToV3File(part);
    case 'custom':
    case 'reasoning-file':
      return undefined;
    case 'reasoning':
    case 'tool-approval-request':
    case 'source':
    case 'tool-call':
    case 'tool-result':
      return part as LanguageModelV3Content;
    default: {
      const exhaustive: never = part;
      throw unknownValueError('content part', exhaustive);
    }
  }
}

/** V3 files carry their bytes; a file known only by URL has no V3 form. */
function convertV4ToV3File(part: LanguageModelV4File): LanguageModelV3File | undefined {
  if (part.data.type !== 'data') return undefined;
  return {
    type: 'file',
    mediaType: part.mediaType,
    data: part.data.data,
    providerMetadata: part.providerMetadata as SharedV3ProviderMetadata | undefined,
  };
}

function convertV4ToV3FinishReason(
  finishReason: LanguageModelV4FinishReason,
): LanguageModelV3FinishReason {
  return {
    unified: finishReason.unified === 'interrupted' ? 'other' : finishReason.unified,
    raw: finishReason.raw,
  };
}

function convertV4ToV3Usage(usage: LanguageModelV4Usage): LanguageModelV3Usage {
  return usage as LanguageModelV3Usage;
}

function convertV4ToV3Warning(warning: SharedV4Warning): SharedV3Warning {
  switch (warning.type) {
    case 'unsupported':
    case 'compatibility':
    case 'other':
      return warning;
    case 'deprecated':
      return { type: 'other', message: `${warning.setting} is deprecated: ${warning.message}` };
    default: {
      const exhaustive: never = warning;
      throw unknownValueError('warning', exhaustive);
    }
  }
}
