/*
 * Fault class: how the bytes arrive. The same events must give the same parts however the
 * network cuts them (at every byte boundary, inside a multi-byte UTF-8 character, one byte at a
 * time), whatever line endings the server uses, with comments and other SSE fields in between,
 * and for a 10 MB answer without holding it in memory.
 */
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { setFlagsFromString } from 'node:v8';
import type { ServerResponse } from 'node:http';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';
import { describe, expect, it } from 'vitest';
import { providerFor, type ScriptedReply, useFakeWandbServer } from '../support/fake-wandb';
import { bareChunk, bareFinish, sse } from '../support/wire';
import { callOptions, finishOf, MODEL_ID, partsOf, readStream } from '../helpers';

const server = useFakeWandbServer();

const TEXT = 'héllo wörld — 🌍 世界 ✓';
/** A small stream whose bytes include 2-, 3- and 4-byte UTF-8 characters. */
const SMALL_STREAM = [
  'data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}\n\n',
  `data: {"choices":[{"index":0,"delta":{"content":${JSON.stringify(TEXT.slice(0, 10))}}}]}\n\n`,
  `data: {"choices":[{"index":0,"delta":{"content":${JSON.stringify(TEXT.slice(10))}}}]}\n\n`,
  'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n',
  'data: [DONE]\n\n',
].join('');
const SMALL_BYTES = Buffer.from(SMALL_STREAM, 'utf8');

/** Counts the body bytes that reached the client, so the server can wait for a piece to arrive. */
class ArrivalGate {
  private received = 0;
  private waiters: Array<{ atLeast: number; resolve: () => void }> = [];

  /** A fetch (the provider's own `fetch` setting) that reports every body piece it receives. */
  readonly fetch: FetchFunction = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    if (response.body == null) return response;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform: (piece, controller) => {
          controller.enqueue(piece);
          this.arrived(piece.byteLength);
        },
      }),
    );
    return new Response(counted, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };

  reset(): void {
    this.received = 0;
  }

  /** Resolves once the client has received `atLeast` body bytes of the current response. */
  until(atLeast: number): Promise<void> {
    if (this.received >= atLeast) return Promise.resolve();
    return new Promise(resolve => this.waiters.push({ atLeast, resolve }));
  }

  private arrived(bytes: number): void {
    this.received += bytes;
    this.waiters = this.waiters.filter(waiter => {
      if (this.received < waiter.atLeast) return true;
      waiter.resolve();
      return false;
    });
  }
}

/** Writes `bytes` in pieces ending at `cuts`, each piece only after the previous one reached the client. */
function deliveredInPieces(gate: ArrivalGate, bytes: Buffer, cuts: number[]): ScriptedReply {
  return {
    type: 'respond',
    respond: async (response: ServerResponse) => {
      gate.reset();
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      let start = 0;
      for (const end of [...cuts, bytes.length]) {
        response.write(bytes.subarray(start, end));
        await gate.until(end);
        start = end;
      }
      response.end();
    },
  };
}

async function partsFor(
  reply: ScriptedReply,
  fetch?: FetchFunction,
): Promise<LanguageModelV4StreamPart[]> {
  server.chat(reply);
  const { stream } = await providerFor(server, { fetch })(MODEL_ID).doStream(callOptions());
  const { parts, thrown } = await readStream(stream);
  expect(thrown).toBeUndefined();
  return parts;
}

const textOf = (parts: LanguageModelV4StreamPart[]) =>
  partsOf(parts, 'text-delta')
    .map(part => part.delta)
    .join('');

function expectCleanText(parts: LanguageModelV4StreamPart[], text: string): void {
  expect(partsOf(parts, 'error')).toEqual([]);
  expect(textOf(parts)).toBe(text);
  expect(finishOf(parts).finishReason).toEqual({ unified: 'stop', raw: 'stop' });
}

describe('events split by the network', () => {
  const gate = new ArrivalGate();
  const boundaries = Array.from({ length: SMALL_BYTES.length - 1 }, (_, index) => index + 1);
  const insideCharacters = boundaries.filter(at => (SMALL_BYTES[at] & 0b1100_0000) === 0b1000_0000);

  it('the stream really has boundaries inside multi-byte characters', () => {
    // 2-byte é, ö; 3-byte —, 世, 界, ✓; 4-byte 🌍: 1 + 1 + 2 + 2 + 2 + 2 + 3 inner boundaries.
    expect(insideCharacters).toHaveLength(13);
  });

  it.each(boundaries)(`split after byte %i of ${SMALL_BYTES.length}`, async at => {
    expectCleanText(await partsFor(deliveredInPieces(gate, SMALL_BYTES, [at]), gate.fetch), TEXT);
  });

  it('every byte delivered on its own', async () => {
    expectCleanText(
      await partsFor(deliveredInPieces(gate, SMALL_BYTES, boundaries), gate.fetch),
      TEXT,
    );
  });

  it('a reasoning, text and tool-call stream delivered one byte at a time', async () => {
    const events = [
      { choices: [{ index: 0, delta: { role: 'assistant', reasoning: 'Thïnk ' } }] },
      { choices: [{ index: 0, delta: { reasoning_content: 'äbout it 🤔' } }] },
      { choices: [{ index: 0, delta: { content: 'Calling… ' } }] },
      {
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                {
                  index: 0,
                  id: 'call_1',
                  type: 'function',
                  function: { name: 'weather', arguments: '{"city":' },
                },
              ],
            },
          },
        ],
      },
      {
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index: 0, function: { arguments: '"Zürich 🇨🇭"}' } }] },
          },
        ],
      },
      { choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
    ];
    const bytes = Buffer.from(sse(...events, '[DONE]'));
    const everyByte = Array.from({ length: bytes.length - 1 }, (_, index) => index + 1);
    const parts = await partsFor(deliveredInPieces(gate, bytes, everyByte), gate.fetch);
    expect(partsOf(parts, 'error')).toEqual([]);
    expect(
      partsOf(parts, 'reasoning-delta')
        .map(part => part.delta)
        .join(''),
    ).toBe('Thïnk äbout it 🤔');
    expect(textOf(parts)).toBe('Calling… ');
    expect(partsOf(parts, 'tool-call')).toMatchObject([
      { toolCallId: 'call_1', toolName: 'weather', input: '{"city":"Zürich 🇨🇭"}' },
    ]);
    expect(finishOf(parts).finishReason.unified).toBe('tool-calls');
  });
});

describe('line endings and other SSE lines', () => {
  const content = (text: string) =>
    JSON.stringify({ choices: [{ index: 0, delta: { content: text } }] });
  const stop = JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
  const variants: Array<[string, string]> = [
    [
      'CRLF line endings',
      `data: ${content('one')}\r\n\r\ndata: ${content(' two')}\r\n\r\ndata: ${stop}\r\n\r\ndata: [DONE]\r\n\r\n`,
    ],
    [
      'CR-only line endings',
      `data: ${content('one')}\r\rdata: ${content(' two')}\r\rdata: ${stop}\r\rdata: [DONE]\r\r`,
    ],
    [
      'mixed line endings',
      `data: ${content('one')}\r\n\ndata: ${content(' two')}\n\r\ndata: ${stop}\n\ndata: [DONE]\r\n\r\n`,
    ],
    [
      'keep-alive comments between and inside events',
      `: keep-alive\n\ndata: ${content('one')}\n\n: OPENROUTER PROCESSING\n\n:\n\ndata: ${content(' two')}\n: a comment inside an event\n\ndata: ${stop}\n\ndata: [DONE]\n\n`,
    ],
    [
      'event:, id: and retry: fields',
      `event: message\nid: 1\ndata: ${content('one')}\n\nretry: 3000\n\nevent: message\nid: 2\ndata: ${content(' two')}\n\nid: 3\ndata: ${stop}\n\ndata: [DONE]\n\n`,
    ],
    [
      'data: without the space',
      `data:${content('one')}\n\ndata:${content(' two')}\n\ndata:${stop}\n\ndata:[DONE]\n\n`,
    ],
    [
      'JSON spread over several data: lines',
      `data: {"choices":[{"index":0,\ndata: "delta":{"content":"one"}}]}\n\ndata: ${content(' two')}\n\ndata: ${stop}\n\ndata: [DONE]\n\n`,
    ],
    [
      'a byte order mark before the first event',
      `\uFEFFdata: ${content('one')}\n\ndata: ${content(' two')}\n\ndata: ${stop}\n\ndata: [DONE]\n\n`,
    ],
    [
      'the last event without its blank line',
      `data: ${content('one')}\n\ndata: ${content(' two')}\n\ndata: ${stop}\n\ndata: [DONE]`,
    ],
  ];

  it.each(variants)('%s', async (_name, body) => {
    expectCleanText(await partsFor({ type: 'sse', events: [body], done: false }), 'one two');
  });
});

describe('encodings', () => {
  it('a gzip-compressed event stream (as a compressing proxy sends it), delivered in small pieces', async () => {
    const compressed = gzipSync(SMALL_BYTES);
    const reply: ScriptedReply = {
      type: 'respond',
      respond: async response => {
        response.writeHead(200, {
          'content-type': 'text/event-stream',
          'content-encoding': 'gzip',
        });
        for (let start = 0; start < compressed.length; start += 7) {
          response.write(compressed.subarray(start, start + 7));
          await new Promise(resolve => setImmediate(resolve));
        }
        response.end();
      },
    };
    expectCleanText(await partsFor(reply), TEXT);
  });

  it('bytes that are not UTF-8 inside a text delta → U+FFFD in their place, the stream goes on', async () => {
    const before = Buffer.from('data: {"choices":[{"index":0,"delta":{"content":"ok ');
    const after = Buffer.from(
      ' ok"}}]}\n\ndata: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n',
    );
    const body = Buffer.concat([before, Buffer.from([0xff, 0xc3]), after]);
    const reply: ScriptedReply = {
      type: 'respond',
      respond: response => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end(body);
      },
    };
    expectCleanText(await partsFor(reply), 'ok \uFFFD\uFFFD ok');
  });
});

describe('a 10 MB answer', () => {
  const PIECE = `${'x'.repeat(999)}\n`;
  const PIECES = 10_000; // 10,000,000 characters of text

  /** `global.gc`, which the test runner does not expose by default. */
  function collectGarbage(): () => void {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  }

  /*
   * Measured on the JS heap after a forced GC: that is where text the provider kept would live.
   * Network buffers (process.memoryUsage().arrayBuffers) are left out: they belong to the
   * transport, come and go with GC timing, and spiked to about 3.4 MB in 10 runs on a 2-core machine.
   */
  it('streams through with bounded memory: the provider keeps none of the text it passed on', async () => {
    const gc = collectGarbage();
    const reply: ScriptedReply = {
      type: 'respond',
      respond: async response => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        const event = sse(bareChunk({ content: PIECE }));
        for (let index = 0; index < PIECES; index++) {
          // Respect backpressure, as a real server does: the client's pace decides.
          if (!response.write(event)) await new Promise(resolve => response.once('drain', resolve));
        }
        response.end(sse(bareFinish('stop'), '[DONE]'));
      },
    };
    server.chat(reply);

    gc();
    const baseline = process.memoryUsage();
    const { stream } = await providerFor(server)(MODEL_ID).doStream(callOptions());
    const reader = stream.getReader();
    let characters = 0;
    let deltas = 0;
    let peakGrowth = 0;
    let finish: LanguageModelV4StreamPart | undefined;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.type === 'text-delta') {
        characters += value.delta.length;
        if (++deltas % 1000 === 0) {
          gc();
          const now = process.memoryUsage();
          peakGrowth = Math.max(peakGrowth, now.heapUsed - baseline.heapUsed);
        }
      }
      if (value.type === 'error')
        throw new Error(`unexpected error part: ${JSON.stringify(value.error)}`);
      if (value.type === 'finish') finish = value;
    }
    expect(characters).toBe(PIECE.length * PIECES);
    expect(finish).toMatchObject({ finishReason: { unified: 'stop' } });
    // Holding the answer would take at least 10 MB of heap (14 MB when tried); streaming holds none.
    expect(peakGrowth).toBeLessThan(4 * 1024 * 1024);
  });
});
