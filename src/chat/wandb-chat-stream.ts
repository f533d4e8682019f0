import type {
  JSONObject,
  LanguageModelV4FinishReason,
  LanguageModelV4StreamPart,
  SharedV4Warning,
} from '@ai-sdk/provider';
import {
  createLanguageModelResponseMetadata,
  createProviderStreamError,
  isAbortError,
} from '@ai-sdk/provider-utils';
import { createParser, type EventSourceMessage, type EventSourceParser } from 'eventsource-parser';
import { errorMessageOf, excerpt } from '../error-message-parts';
import { type Redact, redactJson } from '../redact-api-key';
import { extractWandbErrorMessage, isRetryableWandbStreamError } from '../wandb-error';
import { convertWandbUsage } from './convert-wandb-usage';
import { mapWandbFinishReason } from './map-wandb-finish-reason';
import { parseStreamJson } from './parse-stream-json';
import { readWandbLogprobs } from './read-wandb-logprobs';
import { readChatChunk, type WandbResponseMetadata, type WandbUsage } from './wandb-chat-api';
import { WandbToolCallAssembler } from './wandb-tool-call-assembler';
import type { WandbToolCallIdAllocator } from './wandb-tool-call-id-allocator';

/*
 * W&B's server-sent events → AI SDK stream parts, in one stage and one pass: bytes are decoded,
 * split into events (eventsource-parser, fed directly rather than as an extra TransformStream),
 * parsed and turned into parts by one state machine. We own this loop instead of using
 * `createEventSourceResponseHandler` because we must see `[DONE]` (to tell a finished stream from
 * a cut one) and because every extra stream stage costs time on every chunk.
 */

type Emit = (part: LanguageModelV4StreamPart) => void;

/**
 * The two kinds of block, with their part types as constants: a type built per part
 * (`${kind}-delta`) would be a fresh string that every consumer's `switch (part.type)` compares
 * character by character.
 */
const TEXT = { name: 'text', start: 'text-start', delta: 'text-delta', end: 'text-end' } as const;
const REASONING = {
  name: 'reasoning',
  start: 'reasoning-start',
  delta: 'reasoning-delta',
  end: 'reasoning-end',
} as const;
type BlockKind = typeof TEXT | typeof REASONING;

type OpenBlock = { kind: BlockKind; id: string } | undefined;

export class WandbChatStreamProcessor {
  private readonly decoder = new TextDecoder();
  private readonly parser: EventSourceParser;
  private readonly toolCalls: WandbToolCallAssembler;

  private openBlock: OpenBlock;
  private blockCount = 0;
  /** The response id, model and creation time sent so far; each is taken from the first chunk with a real value. */
  private readonly metadata: WandbResponseMetadata = {};
  private metadataComplete = false;
  private finishReason: string | undefined;
  private sawFinishReason = false;
  private sawDone = false;
  private usage: WandbUsage | undefined;
  /** Token log probabilities, collected only when the request asked for them. */
  private logprobs: JSONObject[] | undefined;
  /** Set once an error part and the final `finish` have been emitted. */
  private failed = false;

  constructor(
    private readonly emit: Emit,
    private readonly options: {
      includeRawChunks: boolean;
      redact: Redact;
      /** Gives each tool call its id; without it, ids are unique within this response only. */
      toolCallIds?: WandbToolCallIdAllocator;
      /** The request asked for `logprobs`; without it chunks are not searched for them. */
      logprobs?: boolean;
    },
  ) {
    this.parser = createParser({ onEvent: event => this.onEvent(event) });
    this.toolCalls = new WandbToolCallAssembler(emit, options.toolCallIds);
  }

  /** True once the stream has failed; further input is ignored. */
  get isFailed(): boolean {
    return this.failed;
  }

  processBytes(bytes: Uint8Array): void {
    if (this.failed) return;
    this.parser.feed(this.decoder.decode(bytes, { stream: true }));
  }

  /** The body ended. Emits the closing parts, or an error if the stream was cut short. */
  end(): void {
    if (this.failed) return;
    const rest = this.decoder.decode();
    if (rest !== '') this.parser.feed(rest);
    // A final event without its blank line still counts.
    this.parser.feed('\n\n');
    if (this.failed) return;

    if (!this.sawFinishReason && !this.sawDone) {
      this.fail(
        'The W&B stream ended before the model finished (no finish_reason and no [DONE]); the answer is incomplete. Retry the request.',
      );
      return;
    }
    const unnamedKey = this.toolCalls.callWithoutName;
    if (unnamedKey !== undefined) {
      this.fail(`W&B streamed arguments for tool call ${unnamedKey} but never its function name.`);
      return;
    }
    this.closeOpenBlock();
    this.toolCalls.flush();
    this.emit({
      type: 'finish',
      finishReason: this.finalFinishReason(),
      usage: convertWandbUsage(this.usage),
      ...(this.logprobs != null
        ? { providerMetadata: { wandb: { logprobs: this.logprobs } } }
        : {}),
    });
  }

  /**
   * `[DONE]` without any `finish_reason` ends the stream cleanly without saying the answer is
   * complete: LanguageModelV4's `interrupted`. With tool calls the turn is still a tool-call turn
   * (Kimi via vLLM omits the reason after calling tools).
   */
  private finalFinishReason(): LanguageModelV4FinishReason {
    if (!this.sawFinishReason && !this.toolCalls.hasToolCalls) {
      return { unified: 'interrupted', raw: undefined };
    }
    return mapWandbFinishReason(this.finishReason, this.toolCalls.hasToolCalls);
  }

  /**
   * The transport failed mid-stream (socket closed, network error). Aborts are the caller's
   * business and are rethrown by the caller, not reported here.
   */
  transportError(error: unknown): void {
    if (this.failed) return;
    this.fail(
      `The connection to W&B Inference broke mid-stream (${errorMessageOf(error)}); the answer is incomplete.`,
      {
        cause: error,
        isRetryable: true,
      },
    );
  }

  private onEvent(event: EventSourceMessage): void {
    if (this.failed) return;
    if (event.data === '[DONE]') {
      this.sawDone = true;
      return;
    }

    let value: unknown;
    try {
      value = parseStreamJson(event.data);
    } catch {
      this.fail(`W&B sent a stream event that is not valid JSON: ${excerpt(event.data)}`, {
        data: event.data,
      });
      return;
    }
    if (this.options.includeRawChunks) this.emit({ type: 'raw', rawValue: value });

    let chunk: ReturnType<typeof readChatChunk>;
    try {
      chunk = readChatChunk(value);
    } catch (error) {
      this.fail(errorMessageOf(error), { data: value });
      return;
    }

    if (chunk.error != null || event.event === 'error') {
      const wandbMessage = extractWandbErrorMessage({ error: chunk.error ?? value });
      const code = chunk.error?.code;
      this.fail(
        `W&B Inference reported an error mid-stream: ${wandbMessage ?? excerpt(event.data)}`,
        {
          data: value,
          type: typeof chunk.error?.type === 'string' ? chunk.error.type : undefined,
          code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
          isRetryable: isRetryableWandbStreamError(code, wandbMessage),
        },
      );
      return;
    }

    if (!this.metadataComplete) this.takeMetadata(chunk);
    if (chunk.usage != null) this.usage = chunk.usage;
    if (this.options.logprobs) {
      let logprobs: JSONObject[] | undefined;
      try {
        logprobs = readWandbLogprobs(value, 'choices[0]');
      } catch (error) {
        this.fail(errorMessageOf(error), { data: value });
        return;
      }
      if (logprobs != null) {
        this.logprobs ??= [];
        this.logprobs.push(...logprobs);
      }
    }

    if (chunk.reasoning) this.appendToBlock(REASONING, chunk.reasoning);
    if (chunk.content) this.appendToBlock(TEXT, chunk.content);
    // Some servers send `tool_calls: []` alongside reasoning; only real calls end a block.
    if (chunk.toolCalls != null && chunk.toolCalls.length > 0) {
      this.closeOpenBlock();
      try {
        for (const delta of chunk.toolCalls) this.toolCalls.process(delta);
      } catch (error) {
        this.fail(errorMessageOf(error), { data: value });
        return;
      }
    }
    if (chunk.finishReason != null) {
      this.finishReason = chunk.finishReason;
      this.sawFinishReason = true;
      // The server says the turn is complete, so the tool calls' arguments are too.
      this.toolCalls.flush();
    }
  }

  /**
   * Sends the fields this chunk is the first to carry. A placeholder first chunk (empty id and
   * model, `created: 0`, as gateways send) has none, so it does not fix the metadata for good.
   */
  private takeMetadata(chunk: WandbResponseMetadata): void {
    const { metadata } = this;
    const update: WandbResponseMetadata = {
      id: metadata.id == null ? chunk.id : undefined,
      model: metadata.model == null ? chunk.model : undefined,
      created: metadata.created == null ? chunk.created : undefined,
    };
    if (update.id == null && update.model == null && update.created == null) return;
    metadata.id ??= update.id;
    metadata.model ??= update.model;
    metadata.created ??= update.created;
    this.metadataComplete =
      metadata.id != null && metadata.model != null && metadata.created != null;
    this.emit({ type: 'response-metadata', ...createLanguageModelResponseMetadata(update) });
  }

  private appendToBlock(kind: BlockKind, delta: string): void {
    if (this.openBlock?.kind !== kind) {
      // Reasoning ends before text starts (and vice versa); each run gets its own id.
      this.closeOpenBlock();
      this.openBlock = { kind, id: `${kind.name}-${this.blockCount++}` };
      this.emit({ type: kind.start, id: this.openBlock.id });
    }
    this.emit({ type: kind.delta, id: this.openBlock.id, delta });
  }

  private closeOpenBlock(): void {
    if (this.openBlock == null) return;
    this.emit({ type: this.openBlock.kind.end, id: this.openBlock.id });
    this.openBlock = undefined;
  }

  private fail(
    message: string,
    details: {
      data?: unknown;
      type?: string;
      code?: string | number;
      cause?: unknown;
      isRetryable?: boolean;
    } = {},
  ): void {
    this.closeOpenBlock();
    const { redact } = this.options;
    this.emit({
      type: 'error',
      error: createProviderStreamError({
        message: redact(message),
        type: details.type,
        code: details.code,
        isRetryable: details.isRetryable ?? false,
        data: details.data !== undefined ? redactJson(details.data, redact) : details.cause,
      }),
    });
    this.emit({
      type: 'finish',
      finishReason: { unified: 'error', raw: this.finishReason },
      usage: convertWandbUsage(this.usage),
    });
    this.failed = true;
  }
}

/**
 * The W&B response body as a stream of AI SDK parts, with `stream-start` first.
 *
 * A pull-based ReadableStream rather than `pipeThrough`: it is one stage instead of several, it
 * can turn a broken connection into an `error` part (a transform cannot catch its source's
 * error), and `cancel()` releases the connection. Each pull reads until it has produced a part,
 * because a pull that enqueues nothing is never called again.
 */
export function createWandbPartStream(
  body: ReadableStream<Uint8Array>,
  {
    warnings,
    ...options
  }: {
    warnings: SharedV4Warning[];
    includeRawChunks: boolean;
    redact: Redact;
    toolCallIds: WandbToolCallIdAllocator;
    logprobs: boolean;
  },
): ReadableStream<LanguageModelV4StreamPart> {
  const reader = body.getReader();
  let controller!: ReadableStreamDefaultController<LanguageModelV4StreamPart>;
  // Parts go straight into the stream's queue; the count tells `pull` whether it has produced one.
  let partCount = 0;
  const processor = new WandbChatStreamProcessor(part => {
    partCount++;
    controller.enqueue(part);
  }, options);
  let ended = false;

  return new ReadableStream<LanguageModelV4StreamPart>({
    start(streamController) {
      controller = streamController;
      controller.enqueue({ type: 'stream-start', warnings });
    },
    async pull() {
      const partCountBefore = partCount;
      while (partCount === partCountBefore && !ended) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } catch (error) {
          if (isAbortError(error)) throw error;
          processor.transportError(error);
          ended = true;
          break;
        }
        if (result.done) {
          processor.end();
          ended = true;
        } else {
          processor.processBytes(result.value);
          if (processor.isFailed) {
            ended = true;
            // Nothing more will be read; free the connection.
            reader.cancel().catch(() => {});
          }
        }
      }
      if (ended) controller.close();
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
