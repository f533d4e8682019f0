// docs/wandb-wire-format.md, recurring bug 16: vercel/ai#13744 then #14950 (`content: null` only with tool calls), #12389/#12390 (Ollama, role ""),
// #15464 (anomalyco/opencode#28427); lablup/backend.ai-webui#5939 (@ai-sdk/openai rewrote system → developer).
import type { LanguageModelV4Prompt } from '@ai-sdk/provider';
import { generateText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandb } from '../../src/index';
import {
  chunk,
  completion,
  startFakeWandbServer,
  type FakeWandbServer,
} from '../fake-wandb-server';
import { MODEL_ID, partsOf, readParts, searchTool, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const wandb = () => createWandb({ apiKey: 'test-key', baseURL: server.baseURL });
const call = (toolCallId: string) => ({
  type: 'tool-call' as const,
  toolCallId,
  toolName: 'search',
  input: { query: 'q' },
});
const result = (toolCallId: string) => ({
  role: 'tool' as const,
  content: [
    {
      type: 'tool-result' as const,
      toolCallId,
      toolName: 'search',
      output: { type: 'text' as const, value: 'r' },
    },
  ],
});

const conversation: LanguageModelV4Prompt = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: [{ type: 'text', text: 'Find q.' }] },
  { role: 'assistant', content: [call('call_1')] },
  result('call_1'),
  { role: 'assistant', content: [{ type: 'text', text: 'Checking again.' }, call('call_2')] },
  result('call_2'),
  { role: 'assistant', content: [{ type: 'text', text: 'Found it.' }] },
  { role: 'user', content: [{ type: 'text', text: 'Thanks.' }] },
];

describe('message shapes other servers accept (vercel/ai#14950, #12390, backend.ai-webui#5939)', () => {
  it('content: null only on tool-call-only assistant messages; system stays system', async () => {
    server.chat({ type: 'json', body: completion({ content: 'ok' }) });
    await wandb()(MODEL_ID).doGenerate({ prompt: conversation, tools: [searchTool] });
    const messages = server.requests.at(-1)!.body.messages as Array<any>;

    expect(messages.map(m => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'assistant',
      'tool',
      'assistant',
      'user',
    ]);
    expect(messages[0].content).toBe('Be brief.');
    expect(messages[2].content).toBeNull();
    expect(messages[2].tool_calls).toEqual([
      { id: 'call_1', type: 'function', function: { name: 'search', arguments: '{"query":"q"}' } },
    ]);
    expect(messages[3]).toMatchObject({ role: 'tool', tool_call_id: 'call_1', content: 'r' });
    expect(messages[4].content).toBe('Checking again.');
    expect(messages[4].tool_calls).toHaveLength(1);
    expect(messages[6].content).toBe('Found it.');
    expect(messages[6]).not.toHaveProperty('tool_calls');
    for (const message of messages.filter(m => m.role !== 'assistant'))
      expect(message.content).not.toBeNull();
  });

  it('generateText system prompt is sent with role "system", never "developer"', async () => {
    server.chat({ type: 'json', body: completion({ content: 'ok' }) });
    await generateText({ model: wandb()(MODEL_ID), system: 'You are terse.', prompt: 'hi' });
    const messages = server.requests.at(-1)!.body.messages as Array<any>;
    expect(messages[0]).toEqual({ role: 'system', content: 'You are terse.' });
    expect(JSON.stringify(messages)).not.toContain('developer');
  });

  it('accepts streamed deltas with role "" or null, or without a role', async () => {
    server.chat({
      type: 'sse',
      events: [
        chunk({ role: '', content: 'a' }),
        chunk({ role: null, content: 'b' }),
        chunk({ content: 'c' }),
        chunk({}, 'stop'),
      ],
    });
    const { stream } = await wandb()(MODEL_ID).doStream({ prompt: userPrompt() });
    const parts = await readParts(stream);
    expect(partsOf(parts, 'error')).toEqual([]);
    expect(
      partsOf(parts, 'text-delta')
        .map(part => part.delta)
        .join(''),
    ).toBe('abc');
  });

  it('accepts a non-streamed message with role "" or no role', async () => {
    for (const role of ['', undefined]) {
      const body = completion({ content: 'fine' });
      (body.choices[0].message as Record<string, unknown>).role = role;
      server.chat({ type: 'json', body });
      const { content } = await wandb()(MODEL_ID).doGenerate({ prompt: userPrompt() });
      expect(content).toEqual([expect.objectContaining({ type: 'text', text: 'fine' })]);
    }
  });
});
