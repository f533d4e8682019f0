import type { LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';
import { isProviderStreamError } from '@ai-sdk/provider-utils';
import { describe, expect, it } from 'vitest';
import { WandbChatStreamProcessor } from '../../src/chat/wandb-chat-stream';
import { WandbToolCallIdAllocator } from '../../src/chat/wandb-tool-call-id-allocator';

// ---- helpers ------------------------------------------------------------------------------

const encoder = new TextEncoder();
const MODEL = 'openai/gpt-oss-120b';

/** SSE text: each event becomes `data: <json>\n\n`; strings are sent verbatim as the data. */
function sse(...events: unknown[]): string {
  return events
    .map(event => `data: ${typeof event === 'string' ? event : JSON.stringify(event)}\n\n`)
    .join('');
}

/** A chunk with one choice carrying `delta` (no metadata, to keep the expected parts short). */
function delta(d: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta: d, logprobs: null, finish_reason: null }],
  };
}

function finishChunk(reason: string): Record<string, unknown> {
  return {
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta: {}, finish_reason: reason }],
  };
}

function toolDelta(...toolCalls: Array<Record<string, unknown>>): Record<string, unknown> {
  return delta({ tool_calls: toolCalls });
}

function usageChunk(usage: Record<string, unknown>): Record<string, unknown> {
  return { object: 'chat.completion.chunk', choices: [], usage };
}

type ProcessorOptions = ConstructorParameters<typeof WandbChatStreamProcessor>[1];

/** Options for a processor: raw chunks off, no redaction, no earlier tool-call ids. */
function processorOptions(overrides: Partial<ProcessorOptions> = {}): ProcessorOptions {
  return { includeRawChunks: false, redact: text => text, ...overrides };
}

/** Feeds the byte pieces to a fresh processor, then `end()` unless told otherwise. */
function run(
  input: string | Uint8Array[],
  { end = true, ...overrides }: Partial<ProcessorOptions> & { end?: boolean } = {},
): LanguageModelV4StreamPart[] {
  const parts: LanguageModelV4StreamPart[] = [];
  const processor = new WandbChatStreamProcessor(
    part => parts.push(part),
    processorOptions(overrides),
  );
  for (const bytes of typeof input === 'string' ? [encoder.encode(input)] : input)
    processor.processBytes(bytes);
  if (end) processor.end();
  return parts;
}

/** A processor plus the parts it emitted so far, for step-by-step feeding. */
function stepper(overrides: Partial<ProcessorOptions> = {}) {
  const parts: LanguageModelV4StreamPart[] = [];
  const processor = new WandbChatStreamProcessor(
    part => parts.push(part),
    processorOptions(overrides),
  );
  return { parts, processor, feed: (text: string) => processor.processBytes(encoder.encode(text)) };
}

const NO_USAGE: LanguageModelV4Usage = {
  inputTokens: {
    total: undefined,
    noCache: undefined,
    cacheRead: undefined,
    cacheWrite: undefined,
  },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
  raw: undefined,
};

function finishPart(
  unified: string,
  raw: string | undefined,
  usage: LanguageModelV4Usage = NO_USAGE,
) {
  return { type: 'finish', finishReason: { unified, raw }, usage };
}

/** The single error part's error, checked to be a provider stream error. */
function errorOf(parts: LanguageModelV4StreamPart[]) {
  const errors = parts.filter(part => part.type === 'error');
  expect(errors).toHaveLength(1);
  const error = (errors[0] as { error: unknown }).error;
  expect(isProviderStreamError(error)).toBe(true);
  return error as {
    message: string;
    type?: string;
    code?: string | number;
    isRetryable?: boolean;
    data?: unknown;
  };
}

/** The parts with the error part's error replaced by its message, for exact sequence checks. */
function withErrorMessages(parts: LanguageModelV4StreamPart[]) {
  return parts.map(part =>
    part.type === 'error'
      ? { type: 'error', message: (part.error as { message: string }).message }
      : part,
  );
}

// ---- tests --------------------------------------------------------------------------------

describe('WandbChatStreamProcessor', () => {
  describe('text and reasoning', () => {
    it('streams text deltas in one block and finishes with the mapped reason', () => {
      expect(
        run(
          sse(
            delta({ role: 'assistant', content: '' }),
            delta({ content: 'Hello' }),
            delta({ content: ', world' }),
            finishChunk('stop'),
            '[DONE]',
          ),
        ),
      ).toStrictEqual([
        { type: 'text-start', id: 'text-0' },
        { type: 'text-delta', id: 'text-0', delta: 'Hello' },
        { type: 'text-delta', id: 'text-0', delta: ', world' },
        { type: 'text-end', id: 'text-0' },
        finishPart('stop', 'stop'),
      ]);
    });

    it('emits response metadata once, from the first chunk that has any', () => {
      const meta = { id: 'chatcmpl-42', created: 1700000000, model: MODEL };
      expect(
        run(
          sse(
            { ...delta({ content: 'a' }), ...meta },
            { ...delta({ content: 'b' }), ...meta, id: 'chatcmpl-other' },
            { ...finishChunk('stop'), ...meta },
            '[DONE]',
          ),
        ),
      ).toStrictEqual([
        {
          type: 'response-metadata',
          id: 'chatcmpl-42',
          modelId: MODEL,
          timestamp: new Date(1700000000 * 1000),
        },
        { type: 'text-start', id: 'text-0' },
        { type: 'text-delta', id: 'text-0', delta: 'a' },
        { type: 'text-delta', id: 'text-0', delta: 'b' },
        { type: 'text-end', id: 'text-0' },
        finishPart('stop', 'stop'),
      ]);
    });

    it('ends reasoning before text starts (reasoning from `reasoning`)', () => {
      expect(
        run(
          sse(
            delta({ role: 'assistant', content: '' }),
            delta({ reasoning: 'Let me ' }),
            delta({ reasoning: 'think.' }),
            delta({ content: 'The answer' }),
            delta({ content: ' is 4.' }),
            finishChunk('stop'),
            '[DONE]',
          ),
        ),
      ).toStrictEqual([
        { type: 'reasoning-start', id: 'reasoning-0' },
        { type: 'reasoning-delta', id: 'reasoning-0', delta: 'Let me ' },
        { type: 'reasoning-delta', id: 'reasoning-0', delta: 'think.' },
        { type: 'reasoning-end', id: 'reasoning-0' },
        { type: 'text-start', id: 'text-1' },
        { type: 'text-delta', id: 'text-1', delta: 'The answer' },
        { type: 'text-delta', id: 'text-1', delta: ' is 4.' },
        { type: 'text-end', id: 'text-1' },
        finishPart('stop', 'stop'),
      ]);
    });

    it('reads `reasoning_content` deltas too, and ignores "" and null reasoning', () => {
      expect(
        run(
          sse(
            delta({ reasoning_content: 'hmm', content: null }),
            delta({ reasoning: '', reasoning_content: '', content: 'ok' }),
            delta({ reasoning: null, content: '!' }),
            finishChunk('stop'),
          ),
        ),
      ).toStrictEqual([
        { type: 'reasoning-start', id: 'reasoning-0' },
        { type: 'reasoning-delta', id: 'reasoning-0', delta: 'hmm' },
        { type: 'reasoning-end', id: 'reasoning-0' },
        { type: 'text-start', id: 'text-1' },
        { type: 'text-delta', id: 'text-1', delta: 'ok' },
        { type: 'text-delta', id: 'text-1', delta: '!' },
        { type: 'text-end', id: 'text-1' },
        finishPart('stop', 'stop'),
      ]);
    });

    it('handles reasoning and content in the same delta (reasoning first)', () => {
      expect(run(sse(delta({ reasoning: 'r', content: 't' }), finishChunk('stop')))).toStrictEqual([
        { type: 'reasoning-start', id: 'reasoning-0' },
        { type: 'reasoning-delta', id: 'reasoning-0', delta: 'r' },
        { type: 'reasoning-end', id: 'reasoning-0' },
        { type: 'text-start', id: 'text-1' },
        { type: 'text-delta', id: 'text-1', delta: 't' },
        { type: 'text-end', id: 'text-1' },
        finishPart('stop', 'stop'),
      ]);
    });

    it('gives each run of reasoning or text its own block id', () => {
      expect(
        run(
          sse(
            delta({ reasoning: 'a' }),
            delta({ content: 'b' }),
            delta({ reasoning: 'c' }),
            finishChunk('stop'),
          ),
        ),
      ).toStrictEqual([
        { type: 'reasoning-start', id: 'reasoning-0' },
        { type: 'reasoning-delta', id: 'reasoning-0', delta: 'a' },
        { type: 'reasoning-end', id: 'reasoning-0' },
        { type: 'text-start', id: 'text-1' },
        { type: 'text-delta', id: 'text-1', delta: 'b' },
        { type: 'text-end', id: 'text-1' },
        { type: 'reasoning-start', id: 'reasoning-2' },
        { type: 'reasoning-delta', id: 'reasoning-2', delta: 'c' },
        { type: 'reasoning-end', id: 'reasoning-2' },
        finishPart('stop', 'stop'),
      ]);
    });

    it('keeps a reasoning block open across `tool_calls: []` deltas', () => {
      expect(
        run(
          sse(
            delta({ reasoning: 'a', tool_calls: [] }),
            delta({ reasoning: 'b', tool_calls: [] }),
            delta({ content: 'c' }),
            finishChunk('stop'),
          ),
        ),
      ).toStrictEqual([
        { type: 'reasoning-start', id: 'reasoning-0' },
        { type: 'reasoning-delta', id: 'reasoning-0', delta: 'a' },
        { type: 'reasoning-delta', id: 'reasoning-0', delta: 'b' },
        { type: 'reasoning-end', id: 'reasoning-0' },
        { type: 'text-start', id: 'text-1' },
        { type: 'text-delta', id: 'text-1', delta: 'c' },
        { type: 'text-end', id: 'text-1' },
        finishPart('stop', 'stop'),
      ]);
    });

    it('opens no block for empty content deltas', () => {
      expect(
        run(
          sse(
            delta({ role: 'assistant', content: '' }),
            delta({ content: '' }),
            finishChunk('stop'),
          ),
        ),
      ).toStrictEqual([finishPart('stop', 'stop')]);
    });
  });

  describe('finish reasons and usage', () => {
    it.each([
      ['stop', 'stop'],
      ['length', 'length'],
      ['content_filter', 'content-filter'],
      ['tool_calls', 'tool-calls'],
      ['abort', 'other'],
    ])('maps finish_reason %s → %s, keeping it raw', (raw, unified) => {
      expect(run(sse(delta({ content: 'x' }), finishChunk(raw), '[DONE]')).at(-1)).toStrictEqual(
        finishPart(unified, raw),
      );
    });

    it('takes usage (with cached and reasoning tokens) from a trailing choices: [] chunk', () => {
      const usage = {
        prompt_tokens: 100,
        completion_tokens: 40,
        total_tokens: 140,
        prompt_tokens_details: { cached_tokens: 60 },
        completion_tokens_details: { reasoning_tokens: 25 },
      };
      expect(
        run(sse(delta({ content: 'x' }), finishChunk('stop'), usageChunk(usage), '[DONE]')).at(-1),
      ).toStrictEqual(
        finishPart('stop', 'stop', {
          inputTokens: { total: 100, noCache: 40, cacheRead: 60, cacheWrite: undefined },
          outputTokens: { total: 40, text: 15, reasoning: 25 },
          raw: usage,
        }),
      );
    });

    it('takes usage from the finishing chunk itself', () => {
      const usage = { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 };
      expect(
        run(sse(delta({ content: 'x' }), { ...finishChunk('length'), usage }, '[DONE]')).at(-1),
      ).toStrictEqual(
        finishPart('length', 'length', {
          inputTokens: { total: 3, noCache: 3, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 2, text: 2, reasoning: undefined },
          raw: usage,
        }),
      );
    });

    it('reports usage as undefined (not 0 or NaN) when W&B sends none', () => {
      expect(run(sse(delta({ content: 'x' }), finishChunk('stop'), '[DONE]')).at(-1)).toStrictEqual(
        finishPart('stop', 'stop', NO_USAGE),
      );
    });

    it('turns negative and non-number usage counts into undefined', () => {
      const usage = { prompt_tokens: -5, completion_tokens: 'many', total_tokens: 3 };
      expect(
        run(sse(delta({ content: 'x' }), finishChunk('stop'), usageChunk(usage))).at(-1),
      ).toStrictEqual(
        finishPart('stop', 'stop', {
          inputTokens: {
            total: undefined,
            noCache: undefined,
            cacheRead: undefined,
            cacheWrite: undefined,
          },
          outputTokens: { total: undefined, text: undefined, reasoning: undefined },
          raw: usage,
        }),
      );
    });

    it('treats [DONE] without a finish_reason as a clean end without completion (interrupted)', () => {
      expect(run(sse(delta({ content: 'Hi' }), '[DONE]'))).toStrictEqual([
        { type: 'text-start', id: 'text-0' },
        { type: 'text-delta', id: 'text-0', delta: 'Hi' },
        { type: 'text-end', id: 'text-0' },
        finishPart('interrupted', undefined),
      ]);
    });

    it('accepts a finish_reason without [DONE] as a complete stream', () => {
      expect(run(sse(delta({ content: 'Hi' }), finishChunk('stop'))).at(-1)).toStrictEqual(
        finishPart('stop', 'stop'),
      );
    });

    it('accepts a final event that lacks its blank line', () => {
      expect(
        run(`${sse(delta({ content: 'Hi' }))}data: ${JSON.stringify(finishChunk('stop'))}`).at(-1),
      ).toStrictEqual(finishPart('stop', 'stop'));
    });

    it('does not emit finish until end() is called', () => {
      const { parts, processor, feed } = stepper();
      feed(sse(delta({ content: 'x' }), finishChunk('stop'), '[DONE]'));
      expect(parts.map(part => part.type)).toStrictEqual(['text-start', 'text-delta']);
      processor.end();
      expect(parts.map(part => part.type)).toStrictEqual([
        'text-start',
        'text-delta',
        'text-end',
        'finish',
      ]);
    });
  });

  describe('tool calls', () => {
    it('streams one call: tool-input-start/delta/end then tool-call with the raw concatenated arguments', () => {
      expect(
        run(
          sse(
            delta({ role: 'assistant', content: null }),
            toolDelta({
              index: 0,
              id: 'call_1',
              type: 'function',
              function: { name: 'weather', arguments: '' },
            }),
            toolDelta({ index: 0, function: { arguments: '{"city":' } }),
            toolDelta({ index: 0, function: { arguments: ' "Paris"}' } }),
            finishChunk('tool_calls'),
            '[DONE]',
          ),
        ),
      ).toStrictEqual([
        { type: 'tool-input-start', id: 'call_1', toolName: 'weather' },
        { type: 'tool-input-delta', id: 'call_1', delta: '{"city":' },
        { type: 'tool-input-delta', id: 'call_1', delta: ' "Paris"}' },
        { type: 'tool-input-end', id: 'call_1' },
        {
          type: 'tool-call',
          toolCallId: 'call_1',
          toolName: 'weather',
          input: '{"city": "Paris"}',
        },
        finishPart('tool-calls', 'tool_calls'),
      ]);
    });

    it("emits the first delta's arguments right after tool-input-start", () => {
      expect(
        run(
          sse(
            toolDelta({
              index: 0,
              id: 'call_1',
              type: 'function',
              function: { name: 'f', arguments: '{"a":' },
            }),
            toolDelta({ index: 0, function: { arguments: '1}' } }),
            finishChunk('tool_calls'),
          ),
        ),
      ).toStrictEqual([
        { type: 'tool-input-start', id: 'call_1', toolName: 'f' },
        { type: 'tool-input-delta', id: 'call_1', delta: '{"a":' },
        { type: 'tool-input-delta', id: 'call_1', delta: '1}' },
        { type: 'tool-input-end', id: 'call_1' },
        { type: 'tool-call', toolCallId: 'call_1', toolName: 'f', input: '{"a":1}' },
        finishPart('tool-calls', 'tool_calls'),
      ]);
    });

    it('finalizes a call only at finish_reason, never because its arguments already parse', () => {
      const { parts, processor, feed } = stepper();
      feed(
        sse(
          toolDelta({
            index: 0,
            id: 'call_1',
            type: 'function',
            function: { name: 'calc', arguments: '{"n": 1}' },
          }),
        ),
      );
      expect(parts.map(part => part.type)).toStrictEqual(['tool-input-start', 'tool-input-delta']);
      feed(sse(toolDelta({ index: 0, function: { arguments: '' } })));
      expect(parts.some(part => part.type === 'tool-call' || part.type === 'tool-input-end')).toBe(
        false,
      );
      feed(sse(finishChunk('tool_calls')));
      expect(parts.slice(-2)).toStrictEqual([
        { type: 'tool-input-end', id: 'call_1' },
        { type: 'tool-call', toolCallId: 'call_1', toolName: 'calc', input: '{"n": 1}' },
      ]);
      processor.end();
      expect(parts.at(-1)).toStrictEqual(finishPart('tool-calls', 'tool_calls'));
      expect(parts.filter(part => part.type === 'tool-call')).toHaveLength(1);
    });

    it('does not finalize a scalar prefix that parses ("1" then "23")', () => {
      expect(
        run(
          sse(
            toolDelta({ index: 0, id: 'c', function: { name: 'n', arguments: '1' } }),
            toolDelta({ index: 0, function: { arguments: '23' } }),
            finishChunk('tool_calls'),
          ),
        ).filter(part => part.type === 'tool-call'),
      ).toStrictEqual([{ type: 'tool-call', toolCallId: 'c', toolName: 'n', input: '123' }]);
    });

    it('applies the last argument delta before finalizing when it shares a chunk with finish_reason', () => {
      const last = {
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index: 0, function: { arguments: '"x"}' } }] },
            finish_reason: 'tool_calls',
          },
        ],
      };
      expect(
        run(
          sse(
            toolDelta({
              index: 0,
              id: 'c',
              type: 'function',
              function: { name: 'f', arguments: '{"a":' },
            }),
            last,
          ),
        ),
      ).toStrictEqual([
        { type: 'tool-input-start', id: 'c', toolName: 'f' },
        { type: 'tool-input-delta', id: 'c', delta: '{"a":' },
        { type: 'tool-input-delta', id: 'c', delta: '"x"}' },
        { type: 'tool-input-end', id: 'c' },
        { type: 'tool-call', toolCallId: 'c', toolName: 'f', input: '{"a":"x"}' },
        finishPart('tool-calls', 'tool_calls'),
      ]);
    });

    it('finalizes open calls at end() when the stream had [DONE] but no finish_reason', () => {
      expect(
        run(
          sse(
            toolDelta({
              index: 0,
              id: 'call_1',
              type: 'function',
              function: { name: 'f', arguments: '{}' },
            }),
            '[DONE]',
          ),
        ),
      ).toStrictEqual([
        { type: 'tool-input-start', id: 'call_1', toolName: 'f' },
        { type: 'tool-input-delta', id: 'call_1', delta: '{}' },
        { type: 'tool-input-end', id: 'call_1' },
        { type: 'tool-call', toolCallId: 'call_1', toolName: 'f', input: '{}' },
        finishPart('tool-calls', undefined),
      ]);
    });

    it('reports finish reason tool-calls when the model says stop after calling tools', () => {
      expect(
        run(
          sse(
            toolDelta({
              index: 0,
              id: 'call_1',
              type: 'function',
              function: { name: 'f', arguments: '{}' },
            }),
            finishChunk('stop'),
          ),
        ).at(-1),
      ).toStrictEqual(finishPart('tool-calls', 'stop'));
    });

    it('gives a call with empty arguments the input ""', () => {
      expect(
        run(
          sse(
            toolDelta({
              index: 0,
              id: 'call_now',
              type: 'function',
              function: { name: 'now', arguments: '' },
            }),
            finishChunk('tool_calls'),
          ),
        ),
      ).toStrictEqual([
        { type: 'tool-input-start', id: 'call_now', toolName: 'now' },
        { type: 'tool-input-end', id: 'call_now' },
        { type: 'tool-call', toolCallId: 'call_now', toolName: 'now', input: '' },
        finishPart('tool-calls', 'tool_calls'),
      ]);
    });

    it('gives a call without an arguments field the input ""', () => {
      expect(
        run(
          sse(
            toolDelta({ index: 0, id: 'c', function: { name: 'now' } }),
            finishChunk('tool_calls'),
          ),
        ).filter(part => part.type === 'tool-call'),
      ).toStrictEqual([{ type: 'tool-call', toolCallId: 'c', toolName: 'now', input: '' }]);
    });

    it('buffers deltas that arrive before the name and replays them once it arrives', () => {
      const { parts, processor, feed } = stepper();
      feed(
        sse(
          toolDelta({ index: 0, id: 'call_1', type: 'function', function: { arguments: '{"ci' } }),
        ),
      );
      feed(sse(toolDelta({ index: 0, function: { arguments: 'ty":' } })));
      expect(parts).toStrictEqual([]);
      feed(sse(toolDelta({ index: 0, function: { name: 'weather', arguments: '"Rome"}' } })));
      feed(sse(finishChunk('tool_calls')));
      processor.end();
      expect(parts).toStrictEqual([
        { type: 'tool-input-start', id: 'call_1', toolName: 'weather' },
        { type: 'tool-input-delta', id: 'call_1', delta: '{"city":"Rome"}' },
        { type: 'tool-input-end', id: 'call_1' },
        { type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: '{"city":"Rome"}' },
        finishPart('tool-calls', 'tool_calls'),
      ]);
    });

    it('treats a blank name as not yet arrived', () => {
      expect(
        run(
          sse(
            toolDelta({ index: 0, id: 'c1', function: { name: '', arguments: '{"a"' } }),
            toolDelta({ index: 0, function: { name: '  ', arguments: ':1' } }),
            toolDelta({ index: 0, function: { name: 'f', arguments: '}' } }),
            finishChunk('tool_calls'),
          ),
        ).filter(part => part.type === 'tool-call'),
      ).toStrictEqual([{ type: 'tool-call', toolCallId: 'c1', toolName: 'f', input: '{"a":1}' }]);
    });

    it('buffers by id when the late-name deltas have no index', () => {
      expect(
        run(
          sse(
            toolDelta({ id: 'call_x', function: { arguments: '{"q":' } }),
            toolDelta({ id: 'call_x', function: { name: 'search', arguments: '"cats"}' } }),
            finishChunk('tool_calls'),
          ),
        ),
      ).toStrictEqual([
        { type: 'tool-input-start', id: 'call_x', toolName: 'search' },
        { type: 'tool-input-delta', id: 'call_x', delta: '{"q":"cats"}' },
        { type: 'tool-input-end', id: 'call_x' },
        { type: 'tool-call', toolCallId: 'call_x', toolName: 'search', input: '{"q":"cats"}' },
        finishPart('tool-calls', 'tool_calls'),
      ]);
    });

    it("reports an error (not a silent finish) when a call's name never arrives", () => {
      const parts = run(
        sse(
          toolDelta({ index: 0, id: 'call_1', function: { arguments: '{}' } }),
          finishChunk('tool_calls'),
          '[DONE]',
        ),
      );
      expect(errorOf(parts).message).toContain('never its function name');
      expect(parts.at(-1)).toStrictEqual(finishPart('error', 'tool_calls'));
      expect(parts.some(part => part.type === 'tool-call')).toBe(false);
    });

    it('handles deltas without an index (id on the first only)', () => {
      expect(
        run(
          sse(
            toolDelta({ id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } }),
            toolDelta({ function: { arguments: '{"a":' } }),
            toolDelta({ function: { arguments: '2}' } }),
            finishChunk('tool_calls'),
          ),
        ),
      ).toStrictEqual([
        { type: 'tool-input-start', id: 'call_1', toolName: 'f' },
        { type: 'tool-input-delta', id: 'call_1', delta: '{"a":' },
        { type: 'tool-input-delta', id: 'call_1', delta: '2}' },
        { type: 'tool-input-end', id: 'call_1' },
        { type: 'tool-call', toolCallId: 'call_1', toolName: 'f', input: '{"a":2}' },
        finishPart('tool-calls', 'tool_calls'),
      ]);
    });

    it('handles deltas without an index that repeat the id every time', () => {
      expect(
        run(
          sse(
            toolDelta({ id: 'call_1', function: { name: 'f', arguments: '{"a":' } }),
            toolDelta({ id: 'call_1', function: { arguments: '3}' } }),
            finishChunk('tool_calls'),
          ),
        ).filter(part => part.type === 'tool-call'),
      ).toStrictEqual([
        { type: 'tool-call', toolCallId: 'call_1', toolName: 'f', input: '{"a":3}' },
      ]);
    });

    it('handles 1-based indexes', () => {
      expect(
        run(
          sse(
            toolDelta({
              index: 1,
              id: 'call_a',
              type: 'function',
              function: { name: 'f', arguments: '' },
            }),
            toolDelta({ index: 1, function: { arguments: '{"x":1}' } }),
            toolDelta({
              index: 2,
              id: 'call_b',
              type: 'function',
              function: { name: 'g', arguments: '' },
            }),
            toolDelta({ index: 2, function: { arguments: '{"y":2}' } }),
            finishChunk('tool_calls'),
          ),
        ),
      ).toStrictEqual([
        { type: 'tool-input-start', id: 'call_a', toolName: 'f' },
        { type: 'tool-input-delta', id: 'call_a', delta: '{"x":1}' },
        { type: 'tool-input-start', id: 'call_b', toolName: 'g' },
        { type: 'tool-input-delta', id: 'call_b', delta: '{"y":2}' },
        { type: 'tool-input-end', id: 'call_a' },
        { type: 'tool-call', toolCallId: 'call_a', toolName: 'f', input: '{"x":1}' },
        { type: 'tool-input-end', id: 'call_b' },
        { type: 'tool-call', toolCallId: 'call_b', toolName: 'g', input: '{"y":2}' },
        finishPart('tool-calls', 'tool_calls'),
      ]);
    });

    it('keeps two interleaved calls apart by index', () => {
      expect(
        run(
          sse(
            toolDelta({
              index: 0,
              id: 'call_a',
              type: 'function',
              function: { name: 'weather', arguments: '' },
            }),
            toolDelta({
              index: 1,
              id: 'call_b',
              type: 'function',
              function: { name: 'time', arguments: '' },
            }),
            toolDelta({ index: 0, function: { arguments: '{"city":' } }),
            toolDelta({ index: 1, function: { arguments: '{"tz":' } }),
            toolDelta(
              { index: 0, function: { arguments: '"Oslo"}' } },
              { index: 1, function: { arguments: '"UTC"}' } },
            ),
            finishChunk('tool_calls'),
          ),
        ),
      ).toStrictEqual([
        { type: 'tool-input-start', id: 'call_a', toolName: 'weather' },
        { type: 'tool-input-start', id: 'call_b', toolName: 'time' },
        { type: 'tool-input-delta', id: 'call_a', delta: '{"city":' },
        { type: 'tool-input-delta', id: 'call_b', delta: '{"tz":' },
        { type: 'tool-input-delta', id: 'call_a', delta: '"Oslo"}' },
        { type: 'tool-input-delta', id: 'call_b', delta: '"UTC"}' },
        { type: 'tool-input-end', id: 'call_a' },
        { type: 'tool-call', toolCallId: 'call_a', toolName: 'weather', input: '{"city":"Oslo"}' },
        { type: 'tool-input-end', id: 'call_b' },
        { type: 'tool-call', toolCallId: 'call_b', toolName: 'time', input: '{"tz":"UTC"}' },
        finishPart('tool-calls', 'tool_calls'),
      ]);
    });

    it('generates one consistent id for a call whose deltas carry no id', () => {
      const parts = run(
        sse(
          toolDelta({ index: 0, type: 'function', function: { name: 'f', arguments: '{"a"' } }),
          toolDelta({ index: 0, function: { arguments: ':1}' } }),
          finishChunk('tool_calls'),
        ),
      );
      const start = parts[0] as Extract<LanguageModelV4StreamPart, { type: 'tool-input-start' }>;
      expect(start).toMatchObject({ type: 'tool-input-start', toolName: 'f' });
      expect(start.id).toEqual(expect.any(String));
      expect(start.id.length).toBeGreaterThan(0);
      expect(parts).toStrictEqual([
        { type: 'tool-input-start', id: start.id, toolName: 'f' },
        { type: 'tool-input-delta', id: start.id, delta: '{"a"' },
        { type: 'tool-input-delta', id: start.id, delta: ':1}' },
        { type: 'tool-input-end', id: start.id },
        { type: 'tool-call', toolCallId: start.id, toolName: 'f', input: '{"a":1}' },
        finishPart('tool-calls', 'tool_calls'),
      ]);
    });

    it('ends an open text block before a tool call starts', () => {
      expect(
        run(
          sse(
            delta({ content: 'Let me check.' }),
            toolDelta({
              index: 0,
              id: 'call_1',
              type: 'function',
              function: { name: 'f', arguments: '{}' },
            }),
            finishChunk('tool_calls'),
          ),
        ),
      ).toStrictEqual([
        { type: 'text-start', id: 'text-0' },
        { type: 'text-delta', id: 'text-0', delta: 'Let me check.' },
        { type: 'text-end', id: 'text-0' },
        { type: 'tool-input-start', id: 'call_1', toolName: 'f' },
        { type: 'tool-input-delta', id: 'call_1', delta: '{}' },
        { type: 'tool-input-end', id: 'call_1' },
        { type: 'tool-call', toolCallId: 'call_1', toolName: 'f', input: '{}' },
        finishPart('tool-calls', 'tool_calls'),
      ]);
    });

    it('reports a tool call of a non-function type as an error', () => {
      const parts = run(
        sse(
          toolDelta({
            index: 0,
            id: 'c',
            type: 'code_interpreter',
            function: { name: 'f', arguments: '{}' },
          }),
          finishChunk('tool_calls'),
        ),
      );
      expect(errorOf(parts).message).toContain('function');
      expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'error' } });
    });
  });

  describe('SSE framing', () => {
    const BODY = [
      delta({ reasoning: 'hm' }),
      delta({ content: 'Hi' }),
      toolDelta({
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'f', arguments: '{"a":1}' },
      }),
      finishChunk('tool_calls'),
      usageChunk({ prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 }),
    ];
    const EXPECTED = run(sse(...BODY, '[DONE]'));

    it('has a sane baseline', () => {
      expect(EXPECTED.map(part => part.type)).toStrictEqual([
        'reasoning-start',
        'reasoning-delta',
        'reasoning-end',
        'text-start',
        'text-delta',
        'text-end',
        'tool-input-start',
        'tool-input-delta',
        'tool-input-end',
        'tool-call',
        'finish',
      ]);
    });

    it('handles CRLF line endings', () => {
      expect(run(sse(...BODY, '[DONE]').replaceAll('\n', '\r\n'))).toStrictEqual(EXPECTED);
    });

    it('handles CR-only line endings', () => {
      expect(run(sse(...BODY, '[DONE]').replaceAll('\n', '\r'))).toStrictEqual(EXPECTED);
    });

    it('ignores `: comment` (keep-alive) lines', () => {
      const text = `: ping\n\n${sse(BODY[0], BODY[1])}: keep-alive\n${sse(...BODY.slice(2), '[DONE]')}:\n\n`;
      expect(run(text)).toStrictEqual(EXPECTED);
    });

    it('handles `event:` and `id:` lines on data events', () => {
      const text = [...BODY, '[DONE]']
        .map(
          (event, i) =>
            `event: message\nid: ${i}\ndata: ${typeof event === 'string' ? event : JSON.stringify(event)}\n\n`,
        )
        .join('');
      expect(run(text)).toStrictEqual(EXPECTED);
    });

    it('handles `data:` without a space after the colon', () => {
      expect(run(sse(...BODY, '[DONE]').replaceAll('data: ', 'data:'))).toStrictEqual(EXPECTED);
    });
  });

  describe('byte splitting', () => {
    const TEXT = sse(
      {
        id: 'chatcmpl-ü',
        created: 1700000000,
        model: MODEL,
        ...delta({ role: 'assistant', content: '' }),
      },
      delta({ reasoning: 'Réflexion 🤔…' }),
      delta({ content: 'Café é 🙂' }),
      delta({ content: ' naïve 日本語 👨‍👩‍👧' }),
      toolDelta({
        index: 0,
        id: 'call_é',
        type: 'function',
        function: { name: 'say', arguments: '{"text":"' },
      }),
      toolDelta({ index: 0, function: { arguments: 'héllo 🙂"}' } }),
      finishChunk('tool_calls'),
      usageChunk({ prompt_tokens: 9, completion_tokens: 8, total_tokens: 17 }),
      '[DONE]',
    ).replace('data: ', ': comment\r\nevent: message\r\ndata: ');
    const BYTES = encoder.encode(TEXT);
    const EXPECTED = run([BYTES]);

    it('has a sane baseline with the multi-byte text intact', () => {
      expect(BYTES.length).toBeGreaterThan(TEXT.length); // really multi-byte
      expect(EXPECTED).toContainEqual({ type: 'text-delta', id: 'text-1', delta: 'Café é 🙂' });
      expect(EXPECTED).toContainEqual({
        type: 'reasoning-delta',
        id: 'reasoning-0',
        delta: 'Réflexion 🤔…',
      });
      expect(EXPECTED).toContainEqual({
        type: 'tool-call',
        toolCallId: 'call_é',
        toolName: 'say',
        input: '{"text":"héllo 🙂"}',
      });
      expect(EXPECTED.at(-1)).toMatchObject({
        type: 'finish',
        finishReason: { unified: 'tool-calls' },
      });
      expect(EXPECTED.some(part => part.type === 'error')).toBe(false);
    });

    it('yields identical parts when split into two at every byte boundary', () => {
      for (let i = 1; i < BYTES.length; i++) {
        const parts = run([BYTES.subarray(0, i), BYTES.subarray(i)]);
        expect(parts, `split at byte ${i}`).toStrictEqual(EXPECTED);
      }
    });

    it('yields identical parts when fed one byte at a time', () => {
      const pieces = Array.from(BYTES, byte => new Uint8Array([byte]));
      expect(run(pieces)).toStrictEqual(EXPECTED);
    });

    it('yields identical parts with empty byte arrays in between', () => {
      const pieces = [
        new Uint8Array(0),
        BYTES.subarray(0, 7),
        new Uint8Array(0),
        BYTES.subarray(7),
        new Uint8Array(0),
      ];
      expect(run(pieces)).toStrictEqual(EXPECTED);
    });

    it('decodes "é" and "🙂" split across pieces exactly', () => {
      const text = sse(delta({ content: 'é🙂' }), finishChunk('stop'));
      const bytes = encoder.encode(text);
      const e = bytes.indexOf(0xc3); // first byte of "é"
      const smile = bytes.indexOf(0xf0); // first byte of "🙂"
      const parts = run([
        bytes.subarray(0, e + 1),
        bytes.subarray(e + 1, smile + 2),
        bytes.subarray(smile + 2),
      ]);
      expect(parts).toContainEqual({ type: 'text-delta', id: 'text-0', delta: 'é🙂' });
    });
  });

  describe('failures', () => {
    it('reports a stream with neither finish_reason nor [DONE] as an error, then finish error', () => {
      const parts = run(sse(delta({ content: 'Half an ans' })));
      expect(withErrorMessages(parts)).toStrictEqual([
        { type: 'text-start', id: 'text-0' },
        { type: 'text-delta', id: 'text-0', delta: 'Half an ans' },
        { type: 'text-end', id: 'text-0' },
        {
          type: 'error',
          message:
            'The W&B stream ended before the model finished (no finish_reason and no [DONE]); the answer is incomplete. Retry the request.',
        },
        finishPart('error', undefined),
      ]);
    });

    it('reports an empty body as an error', () => {
      const parts = run('');
      expect(parts.map(part => part.type)).toStrictEqual(['error', 'finish']);
      expect(parts[1]).toStrictEqual(finishPart('error', undefined));
    });

    it('does not finalize open tool calls of a truncated stream', () => {
      const parts = run(
        sse(toolDelta({ index: 0, id: 'c', function: { name: 'f', arguments: '{"a":1}' } })),
      );
      expect(parts.map(part => part.type)).toStrictEqual([
        'tool-input-start',
        'tool-input-delta',
        'error',
        'finish',
      ]);
      expect(parts.at(-1)).toStrictEqual(finishPart('error', undefined));
    });

    it('keeps usage already received in the error finish', () => {
      const usage = { prompt_tokens: 4, completion_tokens: 1 };
      const parts = run(sse(delta({ content: 'x' }), usageChunk(usage)));
      expect(parts.at(-1)).toStrictEqual(
        finishPart('error', undefined, {
          inputTokens: { total: 4, noCache: 4, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 1, text: 1, reasoning: undefined },
          raw: usage,
        }),
      );
    });

    it('reports malformed JSON as an error part naming it, and stops', () => {
      const parts = run(
        `${sse(delta({ content: 'ok' }))}data: {"choices":[{"delta":\n\n${sse(delta({ content: 'late' }), finishChunk('stop'))}`,
      );
      expect(withErrorMessages(parts)).toStrictEqual([
        { type: 'text-start', id: 'text-0' },
        { type: 'text-delta', id: 'text-0', delta: 'ok' },
        { type: 'text-end', id: 'text-0' },
        {
          type: 'error',
          message: 'W&B sent a stream event that is not valid JSON: {"choices":[{"delta":',
        },
        finishPart('error', undefined),
      ]);
      expect(errorOf(parts)).toMatchObject({ isRetryable: false, data: '{"choices":[{"delta":' });
    });

    it('shortens a long malformed event in the message', () => {
      const junk = `{${'x'.repeat(500)}`;
      const message = errorOf(run(sse(junk))).message;
      expect(message).toBe(
        `W&B sent a stream event that is not valid JSON: ${junk.slice(0, 200)}…`,
      );
    });

    it('reports a chunk that breaks the wire format as an error naming the field', () => {
      const parts = run(sse(delta({ content: 42 }), finishChunk('stop')));
      expect(withErrorMessages(parts)).toStrictEqual([
        {
          type: 'error',
          message:
            'Invalid W&B response: choices[0].delta.content should be a string, got a number.',
        },
        finishPart('error', undefined),
      ]);
    });

    it('reports an {"error":{...}} event as an error carrying W&B\'s message, type and code', () => {
      const body = {
        error: {
          message: 'The engine is currently overloaded, please try again later',
          type: 'server_error',
          code: 503,
        },
      };
      const parts = run(sse(delta({ content: 'par' }), body, finishChunk('stop')));
      expect(parts.map(part => part.type)).toStrictEqual([
        'text-start',
        'text-delta',
        'text-end',
        'error',
        'finish',
      ]);
      const error = errorOf(parts);
      expect(error.message).toContain('The engine is currently overloaded, please try again later');
      expect(error).toMatchObject({
        type: 'server_error',
        code: 503,
        isRetryable: true,
        data: body,
      });
      expect(parts.at(-1)).toStrictEqual(finishPart('error', undefined));
    });

    it("reports vLLM's flat {object:'error'} event as an error, never a clean finish", () => {
      const body = {
        object: 'error',
        message: 'Engine overloaded',
        type: 'server_error',
        code: 503,
      };
      const parts = run(sse(delta({ content: 'x' }), body));
      expect(errorOf(parts).message).toContain('Engine overloaded');
      expect(parts.at(-1)).toStrictEqual(finishPart('error', undefined));
    });

    it('keeps a string error code', () => {
      const error = errorOf(
        run(sse({ error: { message: 'Bad', code: 'context_length_exceeded' } })),
      );
      expect(error.message).toContain('Bad');
      expect(error.code).toBe('context_length_exceeded');
    });

    it('reports a string {"error": "..."} event with its text', () => {
      expect(errorOf(run(sse({ error: 'upstream timed out' }))).message).toContain(
        'upstream timed out',
      );
    });

    it('keeps the finish_reason seen before an error event as raw', () => {
      const parts = run(
        sse(delta({ content: 'x' }), finishChunk('stop'), { error: { message: 'late failure' } }),
      );
      expect(parts.at(-1)).toStrictEqual(finishPart('error', 'stop'));
    });

    it('reports an `event: error` event as an error with its message', () => {
      const parts = run(
        `${sse(delta({ content: 'x' }))}event: error\ndata: {"message":"Internal server error"}\n\n`,
      );
      expect(errorOf(parts).message).toContain('Internal server error');
      expect(parts.at(-1)).toStrictEqual(finishPart('error', undefined));
    });

    it('ignores bytes and end() after a failure', () => {
      const { parts, processor, feed } = stepper();
      feed(sse(delta({ content: 'a' }), 'not json'));
      const before = [...parts];
      expect(before.map(part => part.type)).toStrictEqual([
        'text-start',
        'text-delta',
        'text-end',
        'error',
        'finish',
      ]);
      expect(processor.isFailed).toBe(true);
      feed(sse(delta({ content: 'b' }), finishChunk('stop'), '[DONE]'));
      processor.end();
      processor.transportError(new Error('later'));
      expect(parts).toStrictEqual(before);
    });

    it('ignores the rest of the same byte chunk after a failure', () => {
      const parts = run(sse('{bad', delta({ content: 'after' }), finishChunk('stop')));
      expect(parts.map(part => part.type)).toStrictEqual(['error', 'finish']);
    });

    it('is not failed after a clean stream', () => {
      const { processor, feed } = stepper();
      feed(sse(delta({ content: 'a' }), finishChunk('stop')));
      processor.end();
      expect(processor.isFailed).toBe(false);
    });

    it('reports a transport error as a retryable error part naming the cause, then finish error', () => {
      const { parts, processor, feed } = stepper();
      feed(sse(delta({ content: 'a' })));
      const cause = new Error('socket hang up');
      processor.transportError(cause);
      expect(withErrorMessages(parts)).toStrictEqual([
        { type: 'text-start', id: 'text-0' },
        { type: 'text-delta', id: 'text-0', delta: 'a' },
        { type: 'text-end', id: 'text-0' },
        {
          type: 'error',
          message:
            'The connection to W&B Inference broke mid-stream (socket hang up); the answer is incomplete.',
        },
        finishPart('error', undefined),
      ]);
      expect(errorOf(parts)).toMatchObject({ isRetryable: true, data: cause });
      expect(processor.isFailed).toBe(true);
      processor.end();
      expect(parts).toHaveLength(5);
    });

    it('describes a non-Error transport failure', () => {
      const { parts, processor } = stepper();
      processor.transportError('ECONNRESET');
      expect(errorOf(parts).message).toContain('ECONNRESET');
    });
  });

  describe('redaction', () => {
    const SECRET = 'wandb_v1_SECRETKEY';
    const redact = (text: string) => text.split(SECRET).join('[REDACTED]');

    it('masks the key in the message and data of an echoed {"error"} event', () => {
      const parts = run(
        sse({ error: { message: `Invalid API key ${SECRET}`, code: 'invalid_api_key' } }),
        { redact },
      );
      const error = errorOf(parts);
      expect(error.message).toContain('Invalid API key [REDACTED]');
      expect(JSON.stringify(error)).not.toContain(SECRET);
      expect(error.data).toStrictEqual({
        error: { message: 'Invalid API key [REDACTED]', code: 'invalid_api_key' },
      });
    });

    it('masks the key in a malformed event quoted by the error', () => {
      const error = errorOf(run(sse(`{"key":"${SECRET}"`), { redact }));
      expect(error.message).toBe(
        'W&B sent a stream event that is not valid JSON: {"key":"[REDACTED]"',
      );
      expect(error.data).toBe('{"key":"[REDACTED]"');
    });

    it('leaves data without the key untouched (same object)', () => {
      const body = { error: { message: 'Engine overloaded' } };
      const parts: LanguageModelV4StreamPart[] = [];
      const processor = new WandbChatStreamProcessor(
        part => parts.push(part),
        processorOptions({ redact }),
      );
      processor.processBytes(encoder.encode(sse(body)));
      expect(errorOf(parts).data).toStrictEqual(body);
    });
  });

  describe('tool-call ids repeated from earlier steps', () => {
    it('gives a call whose wire id is already in the prompt a fresh id, used consistently', () => {
      const parts = run(
        sse(
          toolDelta({
            index: 0,
            id: 'tool_0_search',
            type: 'function',
            function: { name: 'search', arguments: '{"q":' },
          }),
          toolDelta({ index: 0, id: 'tool_0_search', function: { arguments: '"b"}' } }),
          finishChunk('tool_calls'),
        ),
        { toolCallIds: new WandbToolCallIdAllocator(['tool_0_search']) },
      );
      const id = (parts[0] as { id: string }).id;
      expect(id).not.toBe('tool_0_search');
      expect(id).toEqual(expect.any(String));
      expect(parts).toStrictEqual([
        { type: 'tool-input-start', id, toolName: 'search' },
        { type: 'tool-input-delta', id, delta: '{"q":' },
        { type: 'tool-input-delta', id, delta: '"b"}' },
        { type: 'tool-input-end', id },
        { type: 'tool-call', toolCallId: id, toolName: 'search', input: '{"q":"b"}' },
        finishPart('tool-calls', 'tool_calls'),
      ]);
    });

    it('keeps wire ids that are not in the prompt', () => {
      expect(
        run(
          sse(
            toolDelta({ index: 0, id: 'call_new', function: { name: 'f', arguments: '{}' } }),
            finishChunk('tool_calls'),
          ),
          { toolCallIds: new WandbToolCallIdAllocator(['call_old']) },
        ).filter(part => part.type === 'tool-call'),
      ).toStrictEqual([{ type: 'tool-call', toolCallId: 'call_new', toolName: 'f', input: '{}' }]);
    });

    it('keeps two reused ids apart', () => {
      const calls = run(
        sse(
          toolDelta(
            { index: 0, id: 'tool_0', function: { name: 'a', arguments: '{}' } },
            { index: 1, id: 'tool_1', function: { name: 'b', arguments: '{}' } },
          ),
          finishChunk('tool_calls'),
        ),
        { toolCallIds: new WandbToolCallIdAllocator(['tool_0', 'tool_1']) },
      ).filter(part => part.type === 'tool-call') as Array<{
        toolCallId: string;
        toolName: string;
      }>;
      expect(calls.map(call => call.toolName)).toStrictEqual(['a', 'b']);
      expect(new Set(calls.map(call => call.toolCallId)).size).toBe(2);
      expect(calls.some(call => call.toolCallId === 'tool_0' || call.toolCallId === 'tool_1')).toBe(
        false,
      );
    });
  });

  describe('includeRawChunks', () => {
    it('emits a raw part with the parsed JSON before the parts of each event ([DONE] has none)', () => {
      const first = delta({ content: 'Hi' });
      const last = finishChunk('stop');
      expect(run(sse(first, last, '[DONE]'), { includeRawChunks: true })).toStrictEqual([
        { type: 'raw', rawValue: first },
        { type: 'text-start', id: 'text-0' },
        { type: 'text-delta', id: 'text-0', delta: 'Hi' },
        { type: 'raw', rawValue: last },
        { type: 'text-end', id: 'text-0' },
        finishPart('stop', 'stop'),
      ]);
    });

    it('emits the raw error event before the error part', () => {
      const body = { error: { message: 'boom' } };
      const parts = run(sse(body), { includeRawChunks: true });
      expect(parts.map(part => part.type)).toStrictEqual(['raw', 'error', 'finish']);
      expect(parts[0]).toStrictEqual({ type: 'raw', rawValue: body });
    });

    it('emits no raw parts when off', () => {
      expect(
        run(sse(delta({ content: 'Hi' }), finishChunk('stop'))).some(part => part.type === 'raw'),
      ).toBe(false);
    });
  });
});
