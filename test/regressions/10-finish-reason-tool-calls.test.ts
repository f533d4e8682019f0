// docs/wandb-wire-format.md, recurring bug 10: OpenRouterTeam/ai-sdk-provider#420 (Kimi K2.5, undefined finishReason); vercel/ai#12218;
// anomalyco/opencode#20719 and PR #14973; ollama-ai-provider-v2 "correct finish reason when Ollama omits done_reason".
import { generateText, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { createWandb } from '../../src/index';
import {
  chunk,
  completion,
  startFakeWandbServer,
  usageChunk,
  type FakeWandbServer,
} from '../fake-wandb-server';
import { MODEL_ID, finishOf, readParts, searchTool, toolDelta, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const wandb = () => createWandb({ apiKey: 'test-key', baseURL: server.baseURL });
const searchDelta = toolDelta({
  index: 0,
  id: 'call_1',
  type: 'function',
  function: { name: 'search', arguments: '{"query":"x"}' },
});
const searchCall = {
  id: 'call_1',
  type: 'function',
  function: { name: 'search', arguments: '{"query":"x"}' },
};

async function streamedFinish(events: unknown[]) {
  server.chat({ type: 'sse', events });
  const { stream } = await wandb()(MODEL_ID).doStream({
    prompt: userPrompt(),
    tools: [searchTool],
  });
  return finishOf(await readParts(stream)).finishReason;
}

describe('finish reason when tool calls are present (OpenRouter#420, vercel/ai#12218)', () => {
  it('stream: tool calls with finish_reason "stop" → tool-calls, raw kept', async () => {
    expect(await streamedFinish([searchDelta, chunk({}, 'stop'), usageChunk()])).toEqual({
      unified: 'tool-calls',
      raw: 'stop',
    });
  });

  it('stream: tool calls with no finish_reason but a clean [DONE] → tool-calls', async () => {
    const reason = await streamedFinish([searchDelta, usageChunk()]);
    expect(reason.unified).toBe('tool-calls');
  });

  it('generate: tool calls with finish_reason "stop" or null → tool-calls', async () => {
    for (const finishReason of ['stop', null]) {
      server.chat({
        type: 'json',
        body: completion({ content: null, tool_calls: [searchCall] }, { finishReason }),
      });
      const result = await wandb()(MODEL_ID).doGenerate({
        prompt: userPrompt(),
        tools: [searchTool],
      });
      expect(result.finishReason.unified).toBe('tool-calls');
      expect(result.finishReason.raw ?? null).toBe(finishReason);
    }
  });

  it('streamText: the tool step reports tool-calls and the loop continues when the server says "stop"', async () => {
    server.chat(
      { type: 'sse', events: [searchDelta, chunk({}, 'stop')] },
      { type: 'sse', events: [chunk({ content: 'found it' }), chunk({}, 'stop')] },
    );
    const search = tool({
      inputSchema: z.object({ query: z.string() }),
      execute: async () => 'result',
    });
    const result = streamText({
      model: wandb()(MODEL_ID),
      prompt: 'go',
      stopWhen: stepCountIs(3),
      tools: { search },
    });
    expect(await result.text).toBe('found it');
    expect((await result.steps).map(step => step.finishReason)).toEqual(['tool-calls', 'stop']);
  });

  it('generateText: the tool step reports tool-calls and the loop continues when finish_reason is null', async () => {
    server.chat(
      {
        type: 'json',
        body: completion({ content: null, tool_calls: [searchCall] }, { finishReason: null }),
      },
      { type: 'json', body: completion({ content: 'found it' }) },
    );
    const search = tool({
      inputSchema: z.object({ query: z.string() }),
      execute: async () => 'result',
    });
    const { text, steps } = await generateText({
      model: wandb()(MODEL_ID),
      prompt: 'go',
      stopWhen: stepCountIs(3),
      tools: { search },
    });
    expect(text).toBe('found it');
    expect(steps.map(step => step.finishReason)).toEqual(['tool-calls', 'stop']);
  });
});
