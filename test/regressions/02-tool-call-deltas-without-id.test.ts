// docs/wandb-wire-format.md, recurring bug 2: NVIDIA/nim-deploy#182; anomalyco/opencode#12585, #25925, #30247; CherryHQ/cherry-studio#16322;
// vercel/ai#18382 (irregular indexes), #19091 (empty-string ids), commit 29dc427.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb } from '../../src/index';
import {
  chunk,
  completion,
  startFakeWandbServer,
  type FakeWandbServer,
} from '../fake-wandb-server';
import { MODEL_ID, partsOf, readParts, searchTool, toolDelta, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const model = () => createWandb({ apiKey: 'test-key', baseURL: server.baseURL })(MODEL_ID);

async function streamToolCalls(events: unknown[]) {
  server.chat({ type: 'sse', events });
  const { stream } = await model().doStream({ prompt: userPrompt(), tools: [searchTool] });
  return readParts(stream);
}

describe('tool-call deltas without an id (NVIDIA/nim-deploy#182, vercel/ai#18382, #19091)', () => {
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '   '],
    ['null', null],
  ])('generates an id when it is %s', async (_label, id) => {
    const parts = await streamToolCalls([
      toolDelta({
        index: 0,
        id,
        type: 'function',
        function: { name: 'search', arguments: '{"query":' },
      }),
      toolDelta({ index: 0, function: { arguments: '"x"}' } }),
      chunk({}, 'tool_calls'),
    ]);
    const calls = partsOf(parts, 'tool-call');
    expect(calls).toHaveLength(1);
    expect(calls[0].toolCallId.trim()).not.toBe('');
    expect(calls[0].input).toBe('{"query":"x"}');
    const start = partsOf(parts, 'tool-input-start')[0];
    expect(start.id).toBe(calls[0].toolCallId);
    for (const delta of partsOf(parts, 'tool-input-delta'))
      expect(delta.id).toBe(calls[0].toolCallId);
  });

  it('correlates later deltas by index whether they omit, blank or repeat the id', async () => {
    const parts = await streamToolCalls([
      toolDelta({
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'search', arguments: '' },
      }),
      toolDelta({ index: 0, function: { arguments: '{"query"' } }),
      toolDelta({ index: 0, id: '', function: { arguments: ':"a' } }),
      toolDelta({ index: 0, id: 'call_1', function: { arguments: 'b"}' } }),
      chunk({}, 'tool_calls'),
    ]);
    expect(partsOf(parts, 'tool-input-start')).toHaveLength(1);
    expect(partsOf(parts, 'tool-call')).toEqual([
      expect.objectContaining({
        toolCallId: 'call_1',
        toolName: 'search',
        input: '{"query":"ab"}',
      }),
    ]);
  });

  it('generates ids for non-streamed tool calls without one', async () => {
    server.chat({
      type: 'json',
      body: completion(
        {
          content: null,
          tool_calls: [
            { type: 'function', function: { name: 'search', arguments: '{"query":"a"}' } },
            { id: '', type: 'function', function: { name: 'search', arguments: '{"query":"b"}' } },
          ],
        },
        { finishReason: 'tool_calls' },
      ),
    });
    const { content } = await model().doGenerate({ prompt: userPrompt(), tools: [searchTool] });
    const calls = content.filter(part => part.type === 'tool-call');
    expect(calls).toHaveLength(2);
    const ids = calls.map(call => call.toolCallId);
    for (const id of ids) expect(id.trim()).not.toBe('');
    expect(new Set(ids).size).toBe(2);
  });
});
