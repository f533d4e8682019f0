import {
  UnsupportedFunctionalityError,
  type LanguageModelV4FilePart,
  type LanguageModelV4Prompt,
  type LanguageModelV4ToolResultOutput,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { convertToBase64, resolveFullMediaType } from '@ai-sdk/provider-utils';
import type {
  WandbAssistantMessage,
  WandbChatMessage,
  WandbUserContentPart,
} from './wandb-chat-api';

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
              return { type: 'image_url', image_url: { url: imageUrlOf(part) } };
            default: {
              const exhaustive: never = part;
              throw new Error(`Unknown user content part: ${JSON.stringify(exhaustive)}`);
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
              throw new Error(`Unknown tool content part: ${JSON.stringify(exhaustive)}`);
            }
          }
        }
        break;

      default: {
        const exhaustive: never = message;
        throw new Error(`Unknown message role: ${JSON.stringify(exhaustive)}`);
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
        throw new Error(`Unknown assistant content part: ${JSON.stringify(exhaustive)}`);
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

function imageUrlOf(part: LanguageModelV4FilePart): string {
  if (!part.mediaType.startsWith('image')) {
    throw new UnsupportedFunctionalityError({
      functionality: `file parts of media type ${part.mediaType}`,
      message: `W&B Inference chat models take text and images only; got a file of media type ${part.mediaType}. Extract its text (or render it as an image) before sending it.`,
    });
  }
  switch (part.data.type) {
    case 'url':
      return part.data.url.toString();
    case 'data': {
      const mediaType = resolveFullMediaType({ part });
      return `data:${mediaType};base64,${convertToBase64(part.data.data)}`;
    }
    case 'reference':
    case 'text':
      throw new UnsupportedFunctionalityError({
        functionality: `image parts given as ${part.data.type}`,
        message: `W&B Inference takes images as bytes, base64 or URLs, not as a provider file ${part.data.type}.`,
      });
    default: {
      const exhaustive: never = part.data;
      throw new Error(`Unknown file data: ${JSON.stringify(exhaustive)}`);
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
              throw new UnsupportedFunctionalityError({
                functionality: `tool results with files (media type ${item.mediaType})`,
                message: `W&B Inference tool messages carry text only; a tool returned a file of media type ${item.mediaType}. Return text (or JSON) from the tool instead.`,
              });
            case 'custom':
              warnings.push({
                type: 'unsupported',
                feature: 'custom tool result content',
                details:
                  'A tool result holds provider-specific custom content that W&B cannot take; it was left out.',
              });
              return '';
            default: {
              const exhaustive: never = item;
              throw new Error(`Unknown tool result content: ${JSON.stringify(exhaustive)}`);
            }
          }
        })
        .join('');
    default: {
      const exhaustive: never = output;
      throw new Error(`Unknown tool output: ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** The ids of the tool calls already in the conversation (earlier steps of an agent loop). */
export function collectToolCallIds(prompt: LanguageModelV4Prompt): Set<string> {
  const ids = new Set<string>();
  for (const message of prompt) {
    if (message.role !== 'assistant') continue;
    for (const part of message.content) if (part.type === 'tool-call') ids.add(part.toolCallId);
  }
  return ids;
}
