/** What the Weave tracing tests share: the fake W&B answers and how to read the spans back. */
// The one place these tests name the scripted W&B server's module.
import {
  chunk,
  completion,
  usageChunk,
  type ScriptedReply,
} from '../../src/emulator/scripted-wandb-server';
import type { OtlpReceiver, ReceivedSpan } from './otlp-receiver';

export {
  startFakeWandbServer,
  type FakeWandbServer,
} from '../../src/emulator/scripted-wandb-server';

export const WEAVE_KEY = 'weave-secret-key-4f1c9a';
export const WEAVE_PROJECT = 'my-team/my-project';

/** W&B usage with cached and reasoning tokens, as the fake server reports it. */
export const USAGE = {
  prompt_tokens: 30,
  completion_tokens: 12,
  total_tokens: 42,
  prompt_tokens_details: { cached_tokens: 8 },
  completion_tokens_details: { reasoning_tokens: 5 },
};

export const TOOL_USAGE = { prompt_tokens: 20, completion_tokens: 7, total_tokens: 27 };

export function answer(text: string): ScriptedReply {
  return { type: 'json', body: completion({ content: text }, { usage: USAGE }) };
}

export function streamedAnswer(...pieces: string[]): ScriptedReply {
  return {
    type: 'sse',
    events: [
      chunk({ role: 'assistant', content: '' }),
      ...pieces.map(piece => chunk({ content: piece })),
      chunk({}, 'stop'),
      usageChunk(USAGE),
    ],
  };
}

/** A streamed weather tool call for Paris. */
export function streamedToolCall(): ScriptedReply {
  return {
    type: 'sse',
    events: [
      chunk({ role: 'assistant', content: null }),
      chunk({
        tool_calls: [
          {
            index: 0,
            id: 'call_weather_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Paris"}' },
          },
        ],
      }),
      chunk({}, 'tool_calls'),
      usageChunk(TOOL_USAGE),
    ],
  };
}

/** A non-streamed weather tool call for Paris. */
export function toolCall(): ScriptedReply {
  return {
    type: 'json',
    body: completion(
      {
        content: null,
        tool_calls: [
          {
            id: 'call_weather_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Paris"}' },
          },
        ],
      },
      { finishReason: 'tool_calls', usage: TOOL_USAGE },
    ),
  };
}

/** The spans of one trace, by the name of its root span's first word. */
export function tracesOf(receiver: OtlpReceiver): Map<string, ReceivedSpan[]> {
  const traces = new Map<string, ReceivedSpan[]>();
  for (const span of receiver.spans()) {
    traces.set(span.traceId, [...(traces.get(span.traceId) ?? []), span]);
  }
  return traces;
}

/** Fails the test if the key is anywhere in the bytes the collector received, except the header. */
export function bodiesContain(receiver: OtlpReceiver, secret: string): boolean {
  return receiver.requests.some(request => request.body.includes(Buffer.from(secret)));
}

/**
 * Flushes until the receiver holds `count` spans: streamText ends its root span a little after
 * its text resolves. Bounded; the last flush's spans are returned either way.
 */
export async function flushUntilSpans(
  flush: () => Promise<void>,
  receiver: OtlpReceiver,
  count: number,
): Promise<ReceivedSpan[]> {
  for (let attempt = 0; attempt < 50 && receiver.spans().length < count; attempt++) {
    await new Promise(resolve => setTimeout(resolve, 10));
    await flush();
  }
  return receiver.spans();
}
