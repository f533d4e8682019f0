// docs/wandb-wire-format.md, recurring bug 6: vercel/ai#7866 (read `reasoning`), #11751 (reasoning-end before text-start), commits b3c2bb4
// (reasoning before text in generate) and f3c1980 (contiguous reasoning with empty tool_calls arrays), #7772.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb } from '../../src/index';
import {
  chunk,
  completion,
  startFakeWandbServer,
  type FakeWandbServer,
} from '../fake-wandb-server';
import {
  MODEL_ID,
  finishOf,
  partsOf,
  readParts,
  searchTool,
  toolDelta,
  userPrompt,
} from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const model = () => createWandb({ apiKey: 'test-key', baseURL: server.baseURL })(MODEL_ID);

async function streamParts(events: unknown[]) {
  server.chat({ type: 'sse', events });
  const { stream } = await model().doStream({ prompt: userPrompt(), tools: [searchTool] });
  return readParts(stream);
}

const reasoningText = (parts: Awaited<ReturnType<typeof streamParts>>) =>
  partsOf(parts, 'reasoning-delta')
    .map(part => part.delta)
    .join('');

describe('reasoning field name and ordering (vercel/ai#7866, #11751)', () => {
  it.each(['reasoning', 'reasoning_content'])('reads streamed `%s`', async field => {
    const parts = await streamParts([
      chunk({ role: 'assistant', [field]: 'Let me ' }),
      chunk({ [field]: 'think.' }),
      chunk({ content: 'Answer.' }),
      chunk({}, 'stop'),
    ]);
    expect(reasoningText(parts)).toBe('Let me think.');
    expect(
      partsOf(parts, 'text-delta')
        .map(part => part.delta)
        .join(''),
    ).toBe('Answer.');
  });

  it('ignores null and empty reasoning', async () => {
    const parts = await streamParts([
      chunk({ role: 'assistant', content: '', reasoning: null, reasoning_content: null }),
      chunk({ reasoning: '' }),
      chunk({ reasoning: 'step 1. ', reasoning_content: null }),
      chunk({ reasoning_content: '' }),
      chunk({ reasoning: 'step 2.', content: null }),
      chunk({ content: 'Done.', reasoning: null }),
      chunk({}, 'stop'),
    ]);
    const types = parts.map(part => part.type);
    expect(types.filter(type => type === 'reasoning-start')).toHaveLength(1);
    expect(partsOf(parts, 'reasoning-delta').map(part => part.delta)).toEqual([
      'step 1. ',
      'step 2.',
    ]);
    expect(partsOf(parts, 'text-delta').map(part => part.delta)).toEqual(['Done.']);
  });

  it('keeps one reasoning block across chunks with empty tool_calls arrays (commit f3c1980)', async () => {
    const parts = await streamParts([
      chunk({ reasoning: 'step 1. ', tool_calls: [] }),
      chunk({ reasoning: 'step 2.', tool_calls: [] }),
      chunk({ content: 'Done.', tool_calls: [] }),
      chunk({}, 'stop'),
    ]);
    const types = parts.map(part => part.type);
    expect(types.filter(type => type === 'reasoning-start')).toHaveLength(1);
    expect(types.filter(type => type === 'reasoning-end')).toHaveLength(1);
    expect(partsOf(parts, 'reasoning-delta').map(part => part.delta)).toEqual([
      'step 1. ',
      'step 2.',
    ]);
    expect(finishOf(parts).finishReason.unified).toBe('stop');
  });

  it('ends reasoning before text starts', async () => {
    const parts = await streamParts([
      chunk({ reasoning: 'Hmm.' }),
      chunk({ content: 'Hi', reasoning: '' }),
      chunk({ content: '!' }),
      chunk({}, 'stop'),
    ]);
    const types = parts.map(part => part.type);
    expect(types.indexOf('reasoning-end')).toBeGreaterThan(types.lastIndexOf('reasoning-delta'));
    expect(types.indexOf('reasoning-end')).toBeLessThan(types.indexOf('text-start'));
  });

  it('ends reasoning before tool input starts', async () => {
    const parts = await streamParts([
      chunk({ reasoning: 'I should search.' }),
      toolDelta({
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'search', arguments: '{"query":"x"}' },
      }),
      chunk({}, 'tool_calls'),
    ]);
    const types = parts.map(part => part.type);
    expect(types.indexOf('reasoning-end')).toBeGreaterThan(-1);
    expect(types.indexOf('reasoning-end')).toBeLessThan(types.indexOf('tool-input-start'));
  });

  it.each(['reasoning', 'reasoning_content'])(
    'puts non-streamed `%s` before the text',
    async field => {
      server.chat({ type: 'json', body: completion({ content: 'Answer.', [field]: 'Thinking.' }) });
      const { content } = await model().doGenerate({ prompt: userPrompt() });
      expect(content).toEqual([
        expect.objectContaining({ type: 'reasoning', text: 'Thinking.' }),
        expect.objectContaining({ type: 'text', text: 'Answer.' }),
      ]);
    },
  );

  it('drops null and empty reasoning in a non-streamed answer', async () => {
    server.chat({
      type: 'json',
      body: completion({ content: 'Plain.', reasoning: '', reasoning_content: null }),
    });
    const { content } = await model().doGenerate({ prompt: userPrompt() });
    expect(content).toEqual([expect.objectContaining({ type: 'text', text: 'Plain.' })]);
  });
});
