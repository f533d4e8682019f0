import {
  UnsupportedFunctionalityError,
  type LanguageModelV4FilePart,
  type LanguageModelV4Prompt,
  type LanguageModelV4ToolResultOutput,
  type SharedV4FileData,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import {
  convertBase64ToUint8Array,
  convertToBase64,
  resolveFullMediaType,
} from '@ai-sdk/provider-utils';
import type {
  WandbAssistantMessage,
  WandbChatMessage,
  WandbUserContentPart,
} from './wandb-chat-api';
import { unknownValueError } from '../error-message-parts';

/**
 * AI SDK prompt → W&B `messages`. Throws for content W&B chat cannot carry; content that only
 * another provider understands is left out with a warning.
 */
export function convertToWandbMessages(
  prompt: LanguageModelV4Prompt,
  warnings: SharedV4Warning[] = [],
): WandbChatMessage[] {
  const messages: WandbChatMessage[] = [];

  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        // Always `system`: W&B's support for the `developer` role is unconfirmed.
        messages.push({ role: 'system', content: message.content });
        break;

      case 'user': {
        const parts = message.content.map((part): WandbUserContentPart => {
          switch (part.type) {
            case 'text':
              return { type: 'text', text: part.text };
            case 'file':
              return convertUserFile(part);
            default: {
              const exhaustive: never = part;
              throw unknownValueError('user content part', exhaustive);
            }
          }
        });
        // A lone text part goes as a plain string: the most widely accepted form.
        const onlyPart = parts.length === 1 ? parts[0] : undefined;
        messages.push({
          role: 'user',
          content: onlyPart?.type === 'text' ? onlyPart.text : parts,
        });
        break;
      }

      case 'assistant':
        messages.push(convertAssistantMessage(message.content, warnings));
        break;

      case 'tool':
        for (const part of message.content) {
          switch (part.type) {
            case 'tool-result':
              messages.push({
                role: 'tool',
                tool_call_id: part.toolCallId,
                content: toolOutputToText(part.output, warnings),
              });
              break;
            case 'tool-approval-response':
              // Approvals are settled by the AI SDK before the call; the model never sees them.
              break;
            default: {
              const exhaustive: never = part;
              throw unknownValueError('tool content part', exhaustive);
            }
          }
        }
        break;

      default: {
        const exhaustive: never = message;
        throw unknownValueError('message role', exhaustive, 'role');
      }
    }
  }

  return messages;
}

type AssistantContent = Extract<LanguageModelV4Prompt[number], { role: 'assistant' }>['content'];

function convertAssistantMessage(
  content: AssistantContent,
  warnings: SharedV4Warning[],
): WandbAssistantMessage {
  let text = '';
  let reasoning = '';
  const toolCalls: NonNullable<WandbAssistantMessage['tool_calls']> = [];

  for (const part of content) {
    switch (part.type) {
      case 'text':
        text += part.text;
        break;
      case 'reasoning':
        reasoning += part.text;
        break;
      case 'tool-call':
        toolCalls.push({
          id: part.toolCallId,
          type: 'function',
          function: {
            name: part.toolName,
            arguments:
              typeof part.input === 'string' ? part.input : JSON.stringify(part.input ?? {}),
          },
        });
        break;
      case 'custom':
      case 'reasoning-file':
        // Another provider's opaque content (e.g. encrypted reasoning): meaningless to W&B models.
        warnings.push({
          type: 'unsupported',
          feature: `assistant ${part.type} parts`,
          details: `An earlier assistant message holds a ${part.type} part that W&B models cannot read; it was left out.`,
        });
        break;
      case 'file':
        throw new UnsupportedFunctionalityError({
          functionality: `assistant messages with files (media type ${part.mediaType})`,
          message: `W&B Inference cannot take files in assistant messages (got media type ${part.mediaType}). Describe the file in text instead.`,
        });
      case 'tool-result':
        throw new UnsupportedFunctionalityError({
          functionality: 'provider-executed tool results',
          message: `W&B Inference has no provider-executed tools, so the assistant message cannot carry the result of tool call ${part.toolCallId}.`,
        });
      default: {
        const exhaustive: never = part;
        throw unknownValueError('assistant content part', exhaustive);
      }
    }
  }

  const message: WandbAssistantMessage = {
    role: 'assistant',
    // `null` only when the turn is tool calls alone; some servers reject `null` elsewhere.
    content: toolCalls.length > 0 && text === '' ? null : text,
  };
  // Reasoning models (DeepSeek, Kimi) require their earlier reasoning back on tool-call turns.
  // Under both names: vLLM 0.16+ reads only `reasoning`, older servers only `reasoning_content`.
  if (reasoning !== '') {
    message.reasoning = reasoning;
    message.reasoning_content = reasoning;
  }
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return message;
}

/**
 * The file parts this converter takes. The root model is also reached with LanguageModelV3
 * prompts (ai@6's `wrapLanguageModel` relabels a V4 model and forwards V3 prompts, as opencode
 * does), whose file `data` is bare bytes, base64 or a URL instead of V4's tagged object.
 */
type FilePart = Omit<LanguageModelV4FilePart, 'data'> & { data: SharedV4FileData | BareFileData };
type BareFileData = string | Uint8Array | URL;

function tagFileData(data: SharedV4FileData | BareFileData): SharedV4FileData {
  if (data instanceof URL) return { type: 'url', url: data };
  if (typeof data === 'string' || data instanceof Uint8Array) return { type: 'data', data };
  return data;
}

/** Images go as `image_url`; text files (`text/*`, JSON) are inlined as text. */
function convertUserFile(part: FilePart): WandbUserContentPart {
  const data = tagFileData(part.data);
  if (isTextMediaType(part.mediaType))
    return { type: 'text', text: textOfFile(data, part.mediaType) };
  if (!part.mediaType.startsWith('image')) {
    throw new UnsupportedFunctionalityError({
      functionality: `file parts of media type ${part.mediaType}`,
      message: `W&B Inference chat models take text, text files and images only; got a file of media type ${part.mediaType}. Extract its text (or render it as an image) before sending it.`,
    });
  }
  switch (data.type) {
    case 'url':
      return { type: 'image_url', image_url: { url: data.url.toString() } };
    case 'data': {
      const mediaType = resolveFullMediaType({
        part: { type: 'file', mediaType: part.mediaType, data },
      });
      return {
        type: 'image_url',
        image_url: { url: `data:${mediaType};base64,${convertToBase64(data.data)}` },
      };
    }
    case 'reference':
    case 'text':
      throw new UnsupportedFunctionalityError({
        functionality: `image parts given as ${data.type}`,
        message: `W&B Inference takes images as bytes, base64 or URLs, not as a provider file ${data.type}.`,
      });
    default: {
      const exhaustive: never = data;
      throw unknownValueError('file data', exhaustive);
    }
  }
}

/** `text/*` and JSON: what chat UIs attach as "a file" and models read as text. */
function isTextMediaType(mediaType: string): boolean {
  return (
    mediaType.startsWith('text/') || mediaType === 'application/json' || mediaType.endsWith('+json')
  );
}

function textOfFile(data: SharedV4FileData, mediaType: string): string {
  switch (data.type) {
    case 'text':
      return data.text;
    case 'data':
      // UTF-8, as the AI SDK and browsers write text files; a broken byte becomes U+FFFD.
      return new TextDecoder().decode(
        typeof data.data === 'string' ? convertBase64ToUint8Array(data.data) : data.data,
      );
    case 'url':
    case 'reference':
      // The AI SDK downloads text-file URLs before the call (only image URLs are passed on).
      throw new UnsupportedFunctionalityError({
        functionality: `${mediaType} files given as ${data.type}`,
        message: `W&B Inference cannot fetch a ${mediaType} file given as a ${data.type}; pass its content (bytes, base64 or text) instead.`,
      });
    default: {
      const exhaustive: never = data;
      throw unknownValueError('file data', exhaustive);
    }
  }
}

function toolOutputToText(
  output: LanguageModelV4ToolResultOutput,
  warnings: SharedV4Warning[],
): string {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return output.value;
    case 'json':
    case 'error-json':
      return JSON.stringify(output.value);
    case 'execution-denied':
      return output.reason ?? 'The tool execution was denied.';
    case 'content':
      return output.value
        .map(item => {
          switch (item.type) {
            case 'text':
              return item.text;
            case 'file':
              if (isTextMediaType(item.mediaType))
                return textOfFile(tagFileData(item.data), item.mediaType);
              throw toolResultFileError(item.mediaType);
            case 'custom':
              warnings.push({
                type: 'unsupported',
                feature: 'custom tool result content',
                details:
                  'A tool result holds provider-specific custom content that W&B cannot take; it was left out.',
              });
              return '';
            default:
              return bareToolResultContentToText(item);
          }
        })
        .join('');
    default: {
      const exhaustive: never = output;
      throw unknownValueError('tool output', exhaustive);
    }
  }
}

function toolResultFileError(mediaType: string | undefined) {
  const kind = mediaType ?? 'unknown type';
  return new UnsupportedFunctionalityError({
    functionality: `tool results with files (media type ${kind})`,
    message: `W&B Inference tool messages carry text only; a tool returned a file of media type ${kind}. Return text (or JSON) from the tool instead.`,
  });
}

/**
 * Tool-result content of a LanguageModelV3 prompt (`file-data`, `image-url`, …) or a V2 one
 * (`media`), which reach the root model under an ai@6 wrapper: text files are inlined, other
 * files refused by media type, exactly as V4's `file`.
 */
function bareToolResultContentToText(item: unknown): string {
  const content = item as { type?: unknown; mediaType?: unknown; data?: unknown };
  const mediaType = typeof content.mediaType === 'string' ? content.mediaType : undefined;
  switch (content.type) {
    case 'file-data':
    case 'media':
      if (mediaType != null && isTextMediaType(mediaType))
        return textOfFile(tagFileData(content.data as BareFileData), mediaType);
      throw toolResultFileError(mediaType);
    case 'image-data':
      throw toolResultFileError(mediaType ?? 'image/*');
    case 'file-url':
    case 'file-id':
      throw toolResultFileError(mediaType);
    case 'image-url':
    case 'image-file-id':
      throw toolResultFileError('image/*');
    default:
      throw unknownValueError('tool result content', item);
  }
}
