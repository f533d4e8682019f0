// docs/wandb-wire-format.md, recurring bug 4: binaricat/Netcatty#3434 → vercel/ai#18333 / #18382; vercel/ai#5885, #15879
// ("Cannot read properties of undefined (reading 'hasFinished')"; Gemini omits `index`, gateways start at 1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb } from '../../src/index';
import { chunk, startFakeWandbServer, type FakeWandbServer } from '../fake-wandb-server';
import { MODEL_ID, partsOf, readParts, searchTool, toolDelta, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

async function toolCallsOf(events: unknown[]) {
  server.chat({ type: 'sse', events: [...events, chunk({}, 'tool_calls')] });
  const model = createWandb({ apiKey: 'test-key', baseURL: server.baseURL })(MODEL_ID);
  const { stream } = await model.doStream({ prompt: userPrompt(), tools: [searchTool] });
  const parts = await readParts(stream);
  expect(partsOf(parts, 'error')).toEqual([]);
  expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'tool-calls' } });
  return partsOf(parts, 'tool-call').map(call => [call.toolCallId, call.toolName, call.input]);
}

const start = (index: number | undefined, id: string, args: string) => ({
  ...(index === undefined ? {} : { index }),
  id,
  type: 'function',
  function: { name: 'search', arguments: args },
});

describe('missing, 1-based, sparse or reused tool-call indexes (vercel/ai#18382)', () => {
  it('accepts a 1-based index', async () => {
    expect(
      await toolCallsOf([
        toolDelta(start(1, 'call_1', '{"query":')),
        toolDelta({ index: 1, function: { arguments: '"one"}' } }),
      ]),
    ).toEqual([['call_1', 'search', '{"query":"one"}']]);
  });

  it('accepts sparse interleaved indexes and finalises the calls in index order', async () => {
    expect(
      await toolCallsOf([
        toolDelta(start(7, 'call_7', '{"query":')),
        toolDelta(start(2, 'call_2', '{"query":')),
        toolDelta({ index: 7, function: { arguments: '"seven"}' } }),
        toolDelta({ index: 2, function: { arguments: '"two"}' } }),
      ]),
    ).toEqual([
      ['call_2', 'search', '{"query":"two"}'],
      ['call_7', 'search', '{"query":"seven"}'],
    ]);
  });

  it('accepts deltas without any index (Gemini style), one whole call per delta', async () => {
    expect(
      await toolCallsOf([
        toolDelta(start(undefined, 'call_a', '{"query":"a"}')),
        toolDelta(start(undefined, 'call_b', '{"query":"b"}')),
      ]),
    ).toEqual([
      ['call_a', 'search', '{"query":"a"}'],
      ['call_b', 'search', '{"query":"b"}'],
    ]);
  });

  it('continues an index-less call from later index-less deltas', async () => {
    expect(
      await toolCallsOf([
        toolDelta(start(undefined, 'call_a', '{"query":')),
        toolDelta({ function: { arguments: '"a"}' } }),
      ]),
    ).toEqual([['call_a', 'search', '{"query":"a"}']]);
  });

  it('keeps calls apart when a gateway reuses index 0 with new ids', async () => {
    expect(
      await toolCallsOf([
        toolDelta(start(0, 'call_a', '{"query":"a"}')),
        toolDelta(start(0, 'call_b', '{"query":"b"}')),
      ]),
    ).toEqual([
      ['call_a', 'search', '{"query":"a"}'],
      ['call_b', 'search', '{"query":"b"}'],
    ]);
  });
});
