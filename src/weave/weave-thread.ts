import { InvalidArgumentError } from '@ai-sdk/provider';
import { type Context, context, createContextKey, trace } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

// `createContextKey` is `Symbol.for(...)`, so the ESM and CJS copies of this module share the key.
const WEAVE_THREAD = createContextKey('wandb-ai-provider.weave.thread-id');

/**
 * Runs `run` (e.g. one `generateText` call) as a turn of the Weave thread `threadId`: every span
 * it produces gets `wandb.thread_id` and `gen_ai.conversation.id`, and its root span
 * `wandb.is_turn`, so the calls of one conversation group as one thread in Weave.
 */
export function withWeaveThread<T>(threadId: string, run: () => T): T {
  if (typeof threadId !== 'string' || threadId.trim() === '') {
    throw new InvalidArgumentError({
      argument: 'threadId',
      message: `withWeaveThread() needs a non-empty string thread id, stable for the whole conversation (got ${typeof threadId}).`,
    });
  }
  if (typeof run !== 'function') {
    throw new InvalidArgumentError({
      argument: 'run',
      message:
        'withWeaveThread(threadId, run) needs a function to run, such as () => generateText({...}).',
    });
  }
  return context.with(context.active().setValue(WEAVE_THREAD, threadId), run);
}

/** Stamps the thread attributes on spans started inside `withWeaveThread`. */
export class WeaveThreadSpanProcessor implements SpanProcessor {
  onStart(span: Span, parentContext: Context): void {
    const threadId = parentContext.getValue(WEAVE_THREAD);
    if (typeof threadId !== 'string') return;
    span.setAttribute('wandb.thread_id', threadId);
    span.setAttribute('gen_ai.conversation.id', threadId);
    if (trace.getSpan(parentContext) == null) span.setAttribute('wandb.is_turn', true);
  }
  onEnd(_span: ReadableSpan): void {}
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
