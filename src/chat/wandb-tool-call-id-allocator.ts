import type { LanguageModelV4Prompt } from '@ai-sdk/provider';
import { generateId } from '@ai-sdk/provider-utils';

/**
 * The one place where tool calls get their ids, for streamed and non-streamed responses alike.
 *
 * The AI SDK matches tool results to tool calls by id, so an id must be unique across the whole
 * conversation. W&B's models do not always oblige: some leave the id out or blank, some number
 * their calls per step (`tool_0_search`) and so repeat an id of an earlier step, some repeat an id
 * within one response. Such a call gets a fresh id; any other wire id is kept as it is.
 *
 * One allocator serves one response: it starts with the ids already in the prompt and remembers
 * every id it hands out.
 */
export class WandbToolCallIdAllocator {
  private readonly used: Set<string>;

  /** `usedIds`: the ids already taken (the tool calls of earlier steps). */
  constructor(usedIds: Iterable<string> = []) {
    this.used = new Set(usedIds);
  }

  /** An allocator for the response to `prompt`: the prompt's tool-call ids are taken. */
  static forPrompt(prompt: LanguageModelV4Prompt): WandbToolCallIdAllocator {
    return new WandbToolCallIdAllocator(collectToolCallIds(prompt));
  }

  /** The id of a new tool call that W&B sent with `wireId` (absent or blank: none). */
  allocate(wireId: string | undefined): string {
    let id = wireId?.trim() ? wireId : generateId();
    while (this.used.has(id)) id = generateId();
    this.used.add(id);
    return id;
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
