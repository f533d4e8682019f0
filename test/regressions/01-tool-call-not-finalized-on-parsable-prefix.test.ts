// docs/wandb-wire-format.md, recurring bug 1: vercel/ai#13137 (reverted #13172, re-broken #14565, fixed #16838 / #16800), #6687, #5658;
// OpenRouterTeam/ai-sdk-provider#74 (finalises early, coerces bad JSON to '{}').
import { stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod/v4';
import { createWandb } from '../../src/index';
import {
  chunk,
  startFakeWandbServer,
  usageChunk,
  type FakeWandbServer,
} from '../fake-wandb-server';
import { MODEL_ID, partsOf, readParts, searchTool, toolDelta, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const wandb = () => createWandb({ apiKey: 'test-key', baseURL: server.baseURL });

describe('tool call finalised only when the stream says so (vercel/ai#16838, OpenRouter#74)', () => {
  it('does not emit the tool call when a prefix of the arguments parses; emits the raw whole string', async () => {
    server.chat({
      type: 'sse',
      events: [
        toolDelta({
          index: 0,
          id: 'call_1',
          type: 'function',
          function: { name: 'search', arguments: '{"query":"test"}' },
        }),
        toolDelta({ index: 0, function: { arguments: ',"limit":10}' } }),
        chunk({}, 'tool_calls'),
        usageChunk(),
      ],
    });
    const { stream } = await wandb()(MODEL_ID).doStream({
      prompt: userPrompt(),
      tools: [searchTool],
    });
    const parts = await readParts(stream);

    const calls = partsOf(parts, 'tool-call');
    expect(calls).toHaveLength(1);
    expect(calls[0].input).toBe('{"query":"test"},"limit":10}');
    const types = parts.map(part => part.type);
    expect(types.indexOf('tool-call')).toBeGreaterThan(types.lastIndexOf('tool-input-delta'));
  });

  it('emits an empty argument string as it is, never substituted with "{}"', async () => {
    server.chat({
      type: 'sse',
      events: [
        toolDelta({
          index: 0,
          id: 'call_1',
          type: 'function',
          function: { name: 'now', arguments: '' },
        }),
        chunk({}, 'tool_calls'),
      ],
    });
    const { stream } = await wandb()(MODEL_ID).doStream({
      prompt: userPrompt(),
      tools: [{ type: 'function', name: 'now', inputSchema: { type: 'object', properties: {} } }],
    });
    const calls = partsOf(await readParts(stream), 'tool-call');
    expect(calls).toEqual([expect.objectContaining({ toolName: 'now', input: '' })]);
  });

  it('streamText never executes a tool with a truncated input', async () => {
    server.chat({
      type: 'sse',
      events: [
        toolDelta({
          index: 0,
          id: 'call_1',
          type: 'function',
          function: { name: 'search', arguments: '{"query":"test"}' },
        }),
        toolDelta({ index: 0, function: { arguments: ',"limit":10}' } }),
        chunk({}, 'tool_calls'),
      ],
    });
    const execute = vi.fn(async () => 'ok');
    const result = streamText({
      model: wandb()(MODEL_ID),
      prompt: 'find it',
      tools: {
        search: tool({
          inputSchema: z.object({ query: z.string(), limit: z.number().optional() }),
          execute,
        }),
      },
    });
    await result.consumeStream();
    expect(execute).not.toHaveBeenCalled();
  });

  it('streamText runs a split call once with the full input, and a parameterless tool with {}', async () => {
    server.chat(
      {
        type: 'sse',
        events: [
          toolDelta({
            index: 0,
            id: 'call_a',
            type: 'function',
            function: { name: 'search', arguments: '{"query":"te' },
          }),
          toolDelta({ index: 0, function: { arguments: 'st","limit":10}' } }),
          toolDelta({
            index: 1,
            id: 'call_b',
            type: 'function',
            function: { name: 'now', arguments: '' },
          }),
          chunk({}, 'tool_calls'),
        ],
      },
      { type: 'sse', events: [chunk({ content: 'done' }), chunk({}, 'stop')] },
    );
    const search = vi.fn(async (_input: { query: string; limit?: number }) => 'found');
    const now = vi.fn(async (_input: Record<string, never>) => 'noon');
    const result = streamText({
      model: wandb()(MODEL_ID),
      prompt: 'find it',
      stopWhen: stepCountIs(2),
      tools: {
        search: tool({
          inputSchema: z.object({ query: z.string(), limit: z.number().optional() }),
          execute: search,
        }),
        now: tool({ inputSchema: z.object({}), execute: now }),
      },
    });
    expect(await result.text).toBe('done');
    expect(search).toHaveBeenCalledTimes(1);
    expect(search.mock.calls[0][0]).toEqual({ query: 'test', limit: 10 });
    expect(now).toHaveBeenCalledTimes(1);
    expect(now.mock.calls[0][0]).toEqual({});
  });
});
