/*
 * The streams every benchmark replays: W&B (vLLM) `chat.completion.chunk` events as bytes, built
 * once and shared, so every contender parses exactly the same input.
 */

export type StreamFixture = {
  name: string;
  /** The whole SSE body. */
  bytes: Uint8Array;
  /** Number of `data:` events with a JSON chunk (what "per chunk" divides by). */
  chunkCount: number;
  /** The parts a correct provider emits for it. */
  expected: { textDeltas: number; reasoningDeltas: number; toolCalls: number };
};

const MODEL = 'moonshotai/Kimi-K2.7-Code';
const CREATED = 1_764_000_000;
const WORDS = [
  'The',
  ' model',
  ' streams',
  ' one',
  ' token',
  ' at',
  ' a',
  ' time',
  ',',
  ' and',
  ' every',
  ' chunk',
  ' costs',
  ' CPU',
  '.',
  '\n',
];

/** Collects events in vLLM's shape and serializes them as one SSE body. */
class SseBodyBuilder {
  private readonly events: string[] = [];
  private readonly head: string;

  constructor(id: string) {
    this.head = `{"id":"${id}","object":"chat.completion.chunk","created":${CREATED},"model":"${MODEL}"`;
  }

  delta(delta: object, finishReason: string | null = null): this {
    const choice = { index: 0, delta, logprobs: null, finish_reason: finishReason };
    this.events.push(`${this.head},"choices":[${JSON.stringify(choice)}]}`);
    return this;
  }

  usage(promptTokens: number, completionTokens: number): this {
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    };
    this.events.push(`${this.head},"choices":[],"usage":${JSON.stringify(usage)}}`);
    return this;
  }

  build(name: string, expected: StreamFixture['expected']): StreamFixture {
    const text = `${this.events.map(event => `data: ${event}\n\n`).join('')}data: [DONE]\n\n`;
    return {
      name,
      bytes: new TextEncoder().encode(text),
      chunkCount: this.events.length,
      expected,
    };
  }
}

/** `count` text deltas of one word each, then the finish and usage chunks. */
export function textStream(count: number): StreamFixture {
  const body = new SseBodyBuilder('chatcmpl-text').delta({ role: 'assistant', content: '' });
  for (let i = 0; i < count; i++) body.delta({ content: WORDS[i % WORDS.length] });
  return body
    .delta({}, 'stop')
    .usage(20, count)
    .build(`${count.toLocaleString('en-US')} text chunks`, {
      textDeltas: count,
      reasoningDeltas: 0,
      toolCalls: 0,
    });
}

/**
 * A coding agent writing `calls` files in one turn: each call opens with its id and name, then its
 * JSON arguments arrive in `deltasPerCall` deltas of a few characters (with escapes), as vLLM sends them.
 */
export function toolCallStream(calls: number, deltasPerCall: number): StreamFixture {
  const body = new SseBodyBuilder('chatcmpl-tools').delta({ role: 'assistant', content: '' });
  for (let call = 0; call < calls; call++) {
    body.delta({
      tool_calls: [
        {
          index: call,
          id: `chatcmpl-tool-${call}`,
          type: 'function',
          function: { name: 'write_file', arguments: '' },
        },
      ],
    });
    for (const piece of argumentPieces(call, deltasPerCall)) {
      body.delta({ tool_calls: [{ index: call, function: { arguments: piece } }] });
    }
  }
  return body
    .delta({}, 'tool_calls')
    .usage(300, calls * deltasPerCall)
    .build(`${calls} tool calls × ${deltasPerCall.toLocaleString('en-US')} argument deltas`, {
      textDeltas: 0,
      reasoningDeltas: 0,
      toolCalls: calls,
    });
}

function argumentPieces(call: number, count: number): string[] {
  let content = '';
  for (let line = 0; content.length < count * 5; line++)
    content += `const value${line} = "x${line}";\n`;
  const args = JSON.stringify({ path: `src/file-${call}.ts`, content });
  // Cut the serialized JSON into `count` pieces, as a tokenizer would (escapes may be split).
  const pieces: string[] = [];
  for (let i = 0; i < count; i++) {
    pieces.push(
      args.slice(
        Math.floor((i * args.length) / count),
        Math.floor(((i + 1) * args.length) / count),
      ),
    );
  }
  return pieces;
}

/** A reasoning model: `reasoningCount` reasoning deltas (`reasoning_content`), then `textCount` text deltas. */
export function reasoningStream(reasoningCount: number, textCount: number): StreamFixture {
  const body = new SseBodyBuilder('chatcmpl-reasoning').delta({ role: 'assistant', content: '' });
  for (let i = 0; i < reasoningCount; i++)
    body.delta({ reasoning_content: WORDS[i % WORDS.length] });
  for (let i = 0; i < textCount; i++) body.delta({ content: WORDS[i % WORDS.length] });
  return body
    .delta({}, 'stop')
    .usage(20, reasoningCount + textCount)
    .build(
      `${reasoningCount.toLocaleString('en-US')} reasoning + ${textCount.toLocaleString('en-US')} text chunks`,
      {
        textDeltas: textCount,
        reasoningDeltas: reasoningCount,
        toolCalls: 0,
      },
    );
}
