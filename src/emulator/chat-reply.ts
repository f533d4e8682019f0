/**
 * An emulator answer written in W&B's wire format: a `chat.completion`, or a server-sent event
 * stream of `chat.completion.chunk`s (a role chunk, reasoning and text word by word, tool-call
 * arguments in slices, a finish chunk, the usage chunk with `choices: []` when
 * `stream_options.include_usage` is set, then `[DONE]`).
 */
import { randomUUID } from 'node:crypto';
import type { WireChatRequest } from './chat-ask.ts';
import { reasonsFor } from './emulator-catalog.ts';
import type { EmulatorAnswer } from './emulator-answer.ts';
import {
  type ChunkOrigin,
  chunk,
  completion,
  type ScriptedReply,
  usageChunk,
} from './scripted-wandb-server.ts';

export function chatReply(
  body: WireChatRequest,
  answer: EmulatorAnswer,
  { delayMs, promptChars }: { delayMs: number; promptChars: number },
): ScriptedReply {
  const reasoning = reasoningShown(body, answer.reasoning ?? []);
  const origin: ChunkOrigin = { id: `chatcmpl-${compactId()}`, model: body.model };
  // Kimi still sends the older field name; the other models the current one.
  const reasoningField = body.model.startsWith('moonshotai/') ? 'reasoning_content' : 'reasoning';
  const content = contentOf(answer);
  const toolCalls =
    answer.kind === 'tool-calls'
      ? answer.calls.map(call => ({
          id: `chatcmpl-tool-${compactId()}`,
          name: call.name,
          arguments: JSON.stringify(call.input),
        }))
      : [];
  const finishReason = toolCalls.length > 0 ? 'tool_calls' : 'stop';
  const promptTokens = Math.ceil(promptChars / 4);
  const completionTokens = Math.ceil(
    (reasoning + content + toolCalls.map(call => call.arguments).join('')).length / 4,
  );
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };

  if (body.stream !== true) {
    const message = {
      content: toolCalls.length > 0 ? null : content,
      ...(reasoning !== '' && { [reasoningField]: reasoning }),
      ...(toolCalls.length > 0 && {
        tool_calls: toolCalls.map(call => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        })),
      }),
    };
    return {
      type: 'json',
      body: completion(message, { id: origin.id, model: origin.model, finishReason, usage }),
    };
  }

  const events = [
    chunk({ role: 'assistant', content: '' }, null, origin),
    ...words(reasoning).map(piece => chunk({ [reasoningField]: piece }, null, origin)),
    ...(answer.kind === 'object' ? slices(content, 12) : words(content)).map(piece =>
      chunk({ content: piece }, null, origin),
    ),
    ...toolCalls.flatMap((call, index) => [
      chunk(
        {
          tool_calls: [
            { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
          ],
        },
        null,
        origin,
      ),
      ...slices(call.arguments, 10).map(piece =>
        chunk({ tool_calls: [{ index, function: { arguments: piece } }] }, null, origin),
      ),
    ]),
    chunk({}, finishReason, origin),
    ...(body.stream_options?.include_usage === true ? [usageChunk(usage, origin)] : []),
  ];
  return { type: 'sse', events, delayMs };
}

const compactId = () => randomUUID().replaceAll('-', '');

/**
 * The reasoning a model shows: per its catalog style and `enable_thinking`, and shorter or longer
 * with `reasoning_effort` (`low`/`minimal`: one sentence; `high`/`xhigh`/`max`: all; else all
 * but one).
 */
function reasoningShown(body: WireChatRequest, sentences: string[]): string {
  if (!reasonsFor(body.model, body.chat_template_kwargs?.enable_thinking)) return '';
  if (sentences.length === 0) return '';
  const effort = body.reasoning_effort;
  const count =
    effort === 'low' || effort === 'minimal'
      ? 1
      : effort === 'high' || effort === 'xhigh' || effort === 'max'
        ? sentences.length
        : Math.max(1, sentences.length - 1);
  return sentences.slice(0, count).join(' ');
}

function contentOf(answer: EmulatorAnswer): string {
  switch (answer.kind) {
    case 'text':
      return answer.text;
    case 'object':
      return JSON.stringify(answer.object);
    case 'tool-calls':
      return '';
    default: {
      const exhaustive: never = answer;
      throw new Error(`unknown answer ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** Word by word, each word with the space after it, as tokens arrive. */
function words(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? [];
}

function slices(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) {
    pieces.push(text.slice(start, start + size));
  }
  return pieces;
}
