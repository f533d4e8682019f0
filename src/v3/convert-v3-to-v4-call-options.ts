import {
  UnsupportedFunctionalityError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4Message,
  type LanguageModelV4ToolResultOutput,
  type SharedV4FileData,
} from '@ai-sdk/provider';
import type {
  LanguageModelV3CallOptions,
  LanguageModelV3DataContent,
  LanguageModelV3Message,
  LanguageModelV3ToolResultOutput,
} from '@ai-sdk/provider-v3';
import { unknownValueError } from '../error-message-parts';

/*
 * LanguageModelV3 call options (ai@6) → LanguageModelV4. The two differ only in how file data is
 * written: V3 gives bytes, base64 or a URL; V4 tags each (`{type: 'data'}`, `{type: 'url'}`), and
 * folds V3's seven kinds of tool-result content into `file`.
 */
export function convertV3ToV4CallOptions(
  options: LanguageModelV3CallOptions,
): LanguageModelV4CallOptions {
  return { ...options, prompt: options.prompt.map(convertMessage) };
}

function convertMessage(message: LanguageModelV3Message): LanguageModelV4Message {
  switch (message.role) {
    case 'system':
      return message;
    case 'user':
      return {
        ...message,
        content: message.content.map(part =>
          part.type === 'file' ? { ...part, data: tagFileData(part.data) } : part,
        ),
      };
    case 'assistant':
      return {
        ...message,
        content: message.content.map(part => {
          switch (part.type) {
            case 'file':
              return { ...part, data: tagFileData(part.data) };
            case 'tool-result':
              return { ...part, output: convertToolResultOutput(part.output) };
            case 'text':
            case 'reasoning':
            case 'tool-call':
              return part;
            default: {
              const exhaustive: never = part;
              throw unknownValueError('assistant content part', exhaustive);
            }
          }
        }),
      };
    case 'tool':
      return {
        ...message,
        content: message.content.map(part =>
          part.type === 'tool-result'
            ? { ...part, output: convertToolResultOutput(part.output) }
            : part,
        ),
      };
    default: {
      const exhaustive: never = message;
      throw unknownValueError('message role', exhaustive, 'role');
    }
  }
}

/** Bytes or base64 become `data`, a URL object becomes `url`. */
function tagFileData(data: LanguageModelV3DataContent): SharedV4FileData {
  return data instanceof URL ? { type: 'url', url: data } : { type: 'data', data };
}

function convertToolResultOutput(
  output: LanguageModelV3ToolResultOutput,
): LanguageModelV4ToolResultOutput {
  if (output.type !== 'content') return output;
  return {
    ...output,
    value: output.value.map(item => {
      switch (item.type) {
        case 'text':
        case 'custom':
          return item;
        case 'file-data':
        case 'image-data':
          return {
            type: 'file' as const,
            data: { type: 'data' as const, data: item.data },
            mediaType: item.mediaType,
            ...(item.type === 'file-data' && item.filename != null
              ? { filename: item.filename }
              : {}),
            providerOptions: item.providerOptions,
          };
        case 'file-url':
        case 'image-url':
          return {
            type: 'file' as const,
            data: { type: 'url' as const, url: new URL(item.url) },
            mediaType:
              item.type === 'image-url'
                ? 'image/*'
                : (item.mediaType ?? 'application/octet-stream'),
            providerOptions: item.providerOptions,
          };
        case 'file-id':
        case 'image-file-id':
          if (typeof item.fileId === 'string') {
            // V4 references name the provider each id belongs to; a bare id cannot say which.
            throw new UnsupportedFunctionalityError({
              functionality: 'tool results with a bare file id',
              message: `A tool result refers to file id '${item.fileId}' without naming its provider; pass { [provider]: id } or the file's data instead.`,
            });
          }
          return {
            type: 'file' as const,
            data: { type: 'reference' as const, reference: item.fileId },
            mediaType: item.type === 'image-file-id' ? 'image/*' : 'application/octet-stream',
            providerOptions: item.providerOptions,
          };
        default: {
          const exhaustive: never = item;
          throw unknownValueError('tool result content', exhaustive);
        }
      }
    }),
  };
}
