import type { LanguageModelV4Prompt } from '@ai-sdk/provider';
import { generateId } from '@ai-sdk/provider-utils';

/**
 * Kimi K2's own id shape, `functions.<name>:<n>`, with `n` counting the conversation's tool calls.
 * Kimi is trained on it and answers worse when its history holds ids of another shape.
 */
const KIMI_TOOL_CALL_ID = /^functions\.(.+):(\d+)$/;

/**
 * The one place where tool calls get their ids, for streamed and non-streamed responses alike.
 *
 * The AI SDK matches tool results to tool calls by id, so an id must be unique across the whole
 * conversation. W&B's models do not always oblige: some leave the id out or blank, some number
 * their calls per step (`tool_0_search`) and so repeat an id of an earlier step, some repeat an id
 * within one response. Such a call gets a fresh id; any other wire id is kept as it is. A repeated
 * Kimi id (`functions.search:0`) is replaced in Kimi's shape, with the next free number
 * (`functions.search:3`); other repeated or missing ids get a random one.
 *
 * One allocator serves one response: it starts with the ids already in the prompt and remembers
 * every id it hands out.
 */
export class WandbToolCallIdAllocator {
  private readonly used = new Set<string>();
  /** One more than the highest `n` of any Kimi-shaped id taken so far. */
  private nextKimiNumber = 0;

  /** `usedIds`: the ids already taken (the tool calls of earlier steps). */
  constructor(usedIds: Iterable<string> = []) {
    for (const id of usedIds) this.take(id);
  }

  /** An allocator for the response to `prompt`: the prompt's tool-call ids are taken. */
  static forPrompt(prompt: LanguageModelV4Prompt): WandbToolCallIdAllocator {
    return new WandbToolCallIdAllocator(collectToolCallIds(prompt));
  }

  /** The id of a new tool call that W&B sent with `wireId` (absent or blank: none). */
  allocate(wireId: string | undefined): string {
    if (wireId?.trim() && !this.used.has(wireId)) return this.take(wireId);
    const kimi = wireId == null ? null : KIMI_TOOL_CALL_ID.exec(wireId);
    if (kimi != null) {
      let id: string;
      do id = `functions.${kimi[1]}:${this.nextKimiNumber++}`;
      while (this.used.has(id));
      return this.take(id);
    }
    let id = generateId();
    while (this.used.has(id)) id = generateId();
    return this.take(id);
  }

  private take(id: string): string {
    this.used.add(id);
    const kimi = KIMI_TOOL_CALL_ID.exec(id);
    if (kimi != null) this.nextKimiNumber = Math.max(this.nextKimiNumber, Number(kimi[2]) + 1);
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
