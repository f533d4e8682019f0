// docs/wandb-wire-format.md, recurring bug 3: vercel/ai#14722 → #14760 "buffer tool call deltas until function.name arrives" (v6 #16836);
// anomalyco/opencode#24137 (DeepSeek V4, Kimi via routers: "Expected 'function.name' to be a string").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb } from '../../src/index';
import { chunk, startFakeWandbServer, type FakeWandbServer } from '../fake-wandb-server';
import { MODEL_ID, partsOf, readParts, searchTool, toolDelta, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const model = () => createWandb({ apiKey: 'test-key', baseURL: server.baseURL })(MODEL_ID);

describe('function.name arriving in a later delta (vercel/ai#14760)', () => {
  it('buffers argument deltas until the name is known, then starts the input with them', async () => {
    server.chat({
      type: 'sse',
      events: [
        toolDelta({
          index: 0,
          id: 'call_1',
          type: 'function',
          function: { arguments: '{"query":' },
        }),
        toolDelta({ index: 0, function: { arguments: '"late' } }),
        toolDelta({ index: 0, function: { name: 'search', arguments: ' name"' } }),
        toolDelta({ index: 0, function: { arguments: '}' } }),
        chunk({}, 'tool_calls'),
      ],
    });
    const { stream } = await model().doStream({ prompt: userPrompt(), tools: [searchTool] });
    const parts = await readParts(stream);

    expect(partsOf(parts, 'error')).toEqual([]);
    const types = parts.map(part => part.type);
    expect(types.indexOf('tool-input-start')).toBeGreaterThanOrEqual(0);
    expect(types.indexOf('tool-input-start')).toBeLessThan(types.indexOf('tool-input-delta'));
    expect(partsOf(parts, 'tool-input-start')).toEqual([
      expect.objectContaining({ id: 'call_1', toolName: 'search' }),
    ]);
    const streamed = partsOf(parts, 'tool-input-delta')
      .map(part => part.delta)
      .join('');
    expect(streamed).toBe('{"query":"late name"}');
    expect(partsOf(parts, 'tool-call')).toEqual([
      expect.objectContaining({
        toolCallId: 'call_1',
        toolName: 'search',
        input: '{"query":"late name"}',
      }),
    ]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'tool-calls' } });
  });

  it('keeps two interleaved calls apart when both names come late', async () => {
    server.chat({
      type: 'sse',
      events: [
        toolDelta({ index: 0, id: 'call_a', function: { arguments: '{"query":"a"' } }),
        toolDelta({ index: 1, id: 'call_b', function: { arguments: '{"query":"b"' } }),
        toolDelta({ index: 1, function: { name: 'search', arguments: '}' } }),
        toolDelta({ index: 0, function: { name: 'search', arguments: '}' } }),
        chunk({}, 'tool_calls'),
      ],
    });
    const { stream } = await model().doStream({ prompt: userPrompt(), tools: [searchTool] });
    const calls = partsOf(await readParts(stream), 'tool-call');
    expect(calls.map(call => [call.toolCallId, call.input])).toEqual([
      ['call_a', '{"query":"a"}'],
      ['call_b', '{"query":"b"}'],
    ]);
  });
});
