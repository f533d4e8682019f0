import type {
  LanguageModelV2CallOptions,
  LanguageModelV2Message,
  LanguageModelV2ToolResultOutput,
} from '@ai-sdk/provider-v2';
import type {
  LanguageModelV3CallOptions,
  LanguageModelV3Message,
  LanguageModelV3ToolResultOutput,
} from '@ai-sdk/provider-v3';
import { unknownValueError } from '../error-message-parts';

/*
 * LanguageModelV2 call options (ai@5) → LanguageModelV3, the next step up. They differ in the
 * name of provider tools (`provider-defined` → `provider`) and in tool-result media, which V3
 * splits into image and file data.
 */
export function convertV2ToV3CallOptions(
  options: LanguageModelV2CallOptions,
): LanguageModelV3CallOptions {
  return {
    ...options,
    prompt: options.prompt.map(convertMessage),
    tools: options.tools?.map(tool =>
      tool.type === 'provider-defined' ? { ...tool, type: 'provider' as const } : tool,
    ),
  };
}

function convertMessage(message: LanguageModelV2Message): LanguageModelV3Message {
  switch (message.role) {
    case 'system':
    case 'user':
      return message;
    case 'assistant':
      return {
        ...message,
        content: message.content.map(part =>
          part.type === 'tool-result'
            ? { ...part, output: convertToolResultOutput(part.output) }
            : part,
        ),
      };
    case 'tool':
      return {
        ...message,
        content: message.content.map(part => ({
          ...part,
          output: convertToolResultOutput(part.output),
        })),
      };
    default: {
      const exhaustive: never = message;
      throw unknownValueError('message role', exhaustive, 'role');
    }
  }
}

function convertToolResultOutput(
  output: LanguageModelV2ToolResultOutput,
): LanguageModelV3ToolResultOutput {
  if (output.type !== 'content') return output;
  return {
    type: 'content',
    value: output.value.map(item => {
      switch (item.type) {
        case 'text':
          return item;
        case 'media':
          return {
            type: item.mediaType.startsWith('image/')
              ? ('image-data' as const)
              : ('file-data' as const),
            data: item.data,
            mediaType: item.mediaType,
          };
        default: {
          const exhaustive: never = item;
          throw unknownValueError('tool result content', exhaustive);
        }
      }
    }),
  };
}
