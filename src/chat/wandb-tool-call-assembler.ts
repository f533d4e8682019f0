import { InvalidResponseDataError, type LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { isParsableJson } from '@ai-sdk/provider-utils';
import type { WandbToolCallDelta } from './wandb-chat-api';
import { WandbToolCallIdAllocator } from './wandb-tool-call-id-allocator';

/*
 * Streamed tool-call deltas → tool-input-start/delta/end and tool-call parts.
 *
 * Ours rather than provider-utils' `StreamingToolCallTracker`: that tracker rescans every argument
 * character and builds candidate lists on every delta, and argument deltas are the bulk of a
 * tool-calling stream. Here a delta is
 * matched with one map lookup, and the rarer questions (is a call's JSON already complete?) are
 * only asked when a delta could start a new call.
 *
 * What W&B's models and the gateways in front of them send, and how it is read:
 *   - `index` and `id` on the first delta of a call, later deltas with only `index` (vLLM);
 *   - no `index` at all, an id on the first delta only or on every delta;
 *   - indexes that start at 1 or are sparse; index 0 reused for several calls with new ids;
 *   - the name in a later delta than the first arguments (those wait until the name arrives);
 *   - an id that repeats one of an earlier step (`tool_0_search`), or of this response (the call
 *     gets a fresh id from `WandbToolCallIdAllocator`; its deltas are still matched by the wire id).
 * A call is finished only when the stream says the turn is over (`flush`), never because its
 * arguments happen to parse already.
 */

type ToolCall = {
  id: string;
  name: string;
  index: number | undefined;
  /** The arguments so far, exactly as streamed. */
  input: string;
  finished: boolean;
};

/** Deltas of a call whose name has not arrived yet. */
type UnnamedToolCall = { id: string | undefined; type: string | undefined; input: string };

export class WandbToolCallAssembler {
  private readonly calls: ToolCall[] = [];
  private readonly callByIndex = new Map<number, ToolCall>();
  /** By the id W&B sent, which may differ from the call's own id (see the allocator). */
  private readonly callByWireId = new Map<string, ToolCall>();
  private readonly unnamed = new Map<number | string, UnnamedToolCall>();

  constructor(
    private readonly emit: (part: LanguageModelV4StreamPart) => void,
    /** Gives each call its id; it knows the ids of earlier steps. */
    private readonly ids: WandbToolCallIdAllocator = new WandbToolCallIdAllocator(),
  ) {}

  get hasToolCalls(): boolean {
    return this.calls.length > 0 || this.unnamed.size > 0;
  }

  /** The key (index or id) of a call whose name never arrived, if any. */
  get callWithoutName(): number | string | undefined {
    return this.unnamed.keys().next().value;
  }

  /** Throws `InvalidResponseDataError` for a call of another type than `function`. */
  process(delta: WandbToolCallDelta): void {
    const wireId = delta.id?.trim() ? delta.id : undefined;
    const { index } = delta;
    const args = delta.function?.arguments ?? '';
    // A blank name counts as not yet arrived.
    const name = delta.function?.name?.trim() ? delta.function.name : undefined;

    const call = this.findCall(index, wireId, name, args);
    if (call != null) {
      if (wireId != null && !this.callByWireId.has(wireId)) this.callByWireId.set(wireId, call);
      this.append(call, args);
      return;
    }

    const key = index ?? wireId;
    const waiting = key == null ? undefined : this.unnamed.get(key);
    if (name == null) {
      // Arguments before the name: keep them until the name arrives (`key` undefined: nothing to wait on).
      if (key != null) {
        this.unnamed.set(key, {
          id: waiting?.id ?? wireId,
          type: waiting?.type ?? delta.type,
          input: (waiting?.input ?? '') + args,
        });
      }
      return;
    }
    if (key != null) this.unnamed.delete(key);
    this.start({
      index,
      wireId: wireId ?? waiting?.id,
      type: delta.type ?? waiting?.type,
      name,
      input: (waiting?.input ?? '') + args,
    });
  }

  /** The turn is over: every open call is complete. Calls end in index order when all have one. */
  flush(): void {
    const open = this.calls.filter(call => !call.finished);
    if (open.every(call => call.index != null))
      open.sort((a, b) => (a.index as number) - (b.index as number));
    for (const call of open) {
      call.finished = true;
      this.emit({ type: 'tool-input-end', id: call.id });
      this.emit({ type: 'tool-call', toolCallId: call.id, toolName: call.name, input: call.input });
    }
  }

  /**
   * The call a delta continues, or undefined when it starts one. A known id decides (unless it
   * comes with another index); a new id with a name starts a call (a gateway reusing index 0);
   * otherwise the index decides, unless a named delta opens a new JSON value after the indexed
   * call's value is complete. Without id and index, the latest call continues.
   */
  private findCall(
    index: number | undefined,
    wireId: string | undefined,
    name: string | undefined,
    args: string,
  ): ToolCall | undefined {
    const named = name != null;
    const byId = wireId == null ? undefined : this.callByWireId.get(wireId);
    if (byId != null && (index == null || byId.index == null || byId.index === index)) return byId;
    if (wireId != null && named) return undefined;
    if (index != null) {
      const byIndex = this.callByIndex.get(index);
      if (byIndex == null) return byId;
      const opensNewValue = named && /^\s*[[{]/.test(args) && isParsableJson(byIndex.input);
      return opensNewValue ? undefined : byIndex;
    }
    return named ? undefined : this.calls.at(-1);
  }

  private start({
    index,
    wireId,
    type,
    name,
    input,
  }: {
    index: number | undefined;
    wireId: string | undefined;
    type: string | undefined;
    name: string;
    input: string;
  }): void {
    if (type != null && type !== 'function') {
      throw new InvalidResponseDataError({
        data: { index, id: wireId, type, name },
        message: `W&B streamed a tool call of type '${type}' (${name}); only 'function' tool calls are supported.`,
      });
    }
    const id = this.ids.allocate(wireId);
    const call: ToolCall = { id, name, index, input: '', finished: false };
    this.calls.push(call);
    if (index != null) this.callByIndex.set(index, call);
    if (wireId != null) this.callByWireId.set(wireId, call);
    this.emit({ type: 'tool-input-start', id, toolName: name });
    this.append(call, input);
  }

  private append(call: ToolCall, args: string): void {
    // Deltas after the end of the turn (or empty ones) change nothing.
    if (call.finished || args === '') return;
    call.input += args;
    this.emit({ type: 'tool-input-delta', id: call.id, delta: args });
  }
}
