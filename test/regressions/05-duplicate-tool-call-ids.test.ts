// docs/wandb-wire-format.md, recurring bug 5: OpenRouterTeam/ai-sdk-provider#160 ("toolCallId non-unique across steps"), #48, PR #471;
// vercel/ai#6342 (later tool results overwrite earlier ones in UI messages).
import { stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
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

const wandb = () => createWandb({ apiKey: 'test-key', baseURL: server.baseURL });
const sameIdCall = (index: number, query: string) =>
  toolDelta({
    index,
    id: 'tool_0_search',
    type: 'function',
    function: { name: 'search', arguments: `{"query":"${query}"}` },
  });

describe('duplicate tool-call ids (OpenRouter#160, OpenRouter PR #471, vercel/ai#6342)', () => {
  it('regenerates a streamed id already used in the same response', async () => {
    server.chat({
      type: 'sse',
      events: [sameIdCall(0, 'a'), sameIdCall(1, 'b'), chunk({}, 'tool_calls')],
    });
    const { stream } = await wandb()(MODEL_ID).doStream({
      prompt: userPrompt(),
      tools: [searchTool],
    });
    const calls = partsOf(await readParts(stream), 'tool-call');
    expect(calls.map(call => call.input)).toEqual(['{"query":"a"}', '{"query":"b"}']);
    expect(new Set(calls.map(call => call.toolCallId)).size).toBe(2);
  });

  it('regenerates a duplicate id in a non-streamed response', async () => {
    const call = (query: string) => ({
      id: 'tool_0_search',
      type: 'function',
      function: { name: 'search', arguments: `{"query":"${query}"}` },
    });
    server.chat({
      type: 'json',
      body: completion(
        { content: null, tool_calls: [call('a'), call('b')] },
        { finishReason: 'tool_calls' },
      ),
    });
    const { content } = await wandb()(MODEL_ID).doGenerate({
      prompt: userPrompt(),
      tools: [searchTool],
    });
    const ids = content.flatMap(part => (part.type === 'tool-call' ? [part.toolCallId] : []));
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it('keeps tool-call ids unique across the steps of an agent loop', async () => {
    server.chat(
      { type: 'sse', events: [sameIdCall(0, 'first'), chunk({}, 'tool_calls')] },
      { type: 'sse', events: [sameIdCall(0, 'second'), chunk({}, 'tool_calls')] },
      { type: 'sse', events: [chunk({ content: 'done' }), chunk({}, 'stop')] },
    );
    const before = server.requests.length;
    const result = streamText({
      model: wandb()(MODEL_ID),
      prompt: 'search twice',
      stopWhen: stepCountIs(3),
      tools: {
        search: tool({
          inputSchema: z.object({ query: z.string() }),
          execute: async ({ query }) => `result ${query}`,
        }),
      },
    });
    expect(await result.text).toBe('done');

    const steps = await result.steps;
    const ids = steps.flatMap(step => step.toolCalls.map(call => call.toolCallId));
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);

    // The last request pairs each tool result with its own call.
    const messages = server.requests[before + 2].body.messages as Array<any>;
    const sentCallIds = messages.flatMap(m =>
      m.role === 'assistant' ? (m.tool_calls ?? []).map((c: any) => c.id) : [],
    );
    const sentResultIds = messages.filter(m => m.role === 'tool').map(m => m.tool_call_id);
    expect(sentCallIds).toEqual(ids);
    expect(sentResultIds).toEqual(ids);
  });
});
