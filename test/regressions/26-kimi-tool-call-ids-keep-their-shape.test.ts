// docs/wandb-wire-format.md, recurring bug 26.
// Kimi K2 names its tool calls `functions.<name>:<n>`, `n` counting the conversation's calls
// (https://huggingface.co/moonshotai/Kimi-K2-Instruct/blob/main/docs/tool_call_guidance.md;
// vLLM's kimi_k2 tool parser passes that id on:
// https://github.com/vllm-project/vllm/blob/63c2b7abcd705edb754604f83ac72a4269c05a52/vllm/entrypoints/openai/tool_parsers/kimi_k2_tool_parser.py),
// and restarts at `:0` in later turns often enough that a client must keep ids unique. Replacing a
// repeated id with a random one (`na5xtfIg8zDTAFwL`) puts a foreign id shape into Kimi's history
// (https://github.com/ikawrakow/ik_llama.cpp/blob/main/examples/server/function_calls.md lists the
// native format). The replacement keeps Kimi's shape with the next free number.
import { generateText, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import {
  chunk,
  completion,
  startFakeWandbServer,
  textStream,
  type FakeWandbServer,
} from '../fake-wandb-server';
import { providerFor, toolDelta } from '../helpers';

const KIMI = 'moonshotai/Kimi-K2.6';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const search = tool({
  inputSchema: z.object({ q: z.string() }),
  execute: async ({ q }) => `results for ${q}`,
});
const streamedCall = (q: string) => ({
  type: 'sse' as const,
  events: [
    toolDelta({
      index: 0,
      id: 'functions.search:0',
      type: 'function',
      function: { name: 'search', arguments: '' },
    }),
    toolDelta({ index: 0, function: { arguments: `{"q":"${q}"}` } }),
    chunk({}, 'tool_calls'),
  ],
});
const generatedCall = (q: string) => ({
  type: 'json' as const,
  body: completion(
    {
      content: null,
      tool_calls: [
        {
          id: 'functions.search:0',
          type: 'function',
          function: { name: 'search', arguments: `{"q":"${q}"}` },
        },
      ],
    },
    { finishReason: 'tool_calls', model: KIMI },
  ),
});
const idsSentIn = (requestIndex: number) =>
  (server.requests[requestIndex].body.messages as Array<any>).flatMap(message =>
    message.role === 'assistant'
      ? (message.tool_calls ?? []).map((call: any) => call.id)
      : message.role === 'tool'
        ? [`result:${message.tool_call_id}`]
        : [],
  );

describe('Kimi tool-call ids keep their shape when they repeat', () => {
  it('streamText: a repeated functions.search:0 becomes functions.search:1, then :2', async () => {
    server.chat(streamedCall('a'), streamedCall('b'), streamedCall('c'), {
      type: 'sse',
      events: textStream('done'),
    });
    const before = server.requests.length;
    const result = streamText({
      model: providerFor(server)(KIMI),
      prompt: 'Search three times.',
      tools: { search },
      stopWhen: stepCountIs(4),
    });
    expect(await result.text).toBe('done');
    const ids = (await result.steps).flatMap(step => step.toolCalls.map(call => call.toolCallId));
    expect(ids).toEqual(['functions.search:0', 'functions.search:1', 'functions.search:2']);
    expect(idsSentIn(before + 3)).toEqual([
      'functions.search:0',
      'result:functions.search:0',
      'functions.search:1',
      'result:functions.search:1',
      'functions.search:2',
      'result:functions.search:2',
    ]);
  });

  it('generateText: the same on the non-stream path', async () => {
    server.chat(generatedCall('a'), generatedCall('b'), {
      type: 'json',
      body: completion({ content: 'done' }),
    });
    const result = await generateText({
      model: providerFor(server)(KIMI),
      prompt: 'Search twice.',
      tools: { search },
      stopWhen: stepCountIs(3),
    });
    expect(result.text).toBe('done');
    expect(result.steps.flatMap(step => step.toolCalls.map(call => call.toolCallId))).toEqual([
      'functions.search:0',
      'functions.search:1',
    ]);
  });

  it('a call without any id still gets a generated one', async () => {
    server.chat({
      type: 'sse',
      events: [
        toolDelta({
          index: 0,
          type: 'function',
          function: { name: 'search', arguments: '{"q":"x"}' },
        }),
        chunk({}, 'tool_calls'),
      ],
    });
    const result = streamText({ model: providerFor(server)(KIMI), prompt: 'Go', tools: {} });
    const calls = await result.toolCalls;
    expect(calls).toHaveLength(1);
    expect(calls[0].toolCallId).toMatch(/\S/);
  });
});
