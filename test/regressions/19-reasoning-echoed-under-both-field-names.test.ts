// docs/wandb-wire-format.md, recurring bug 19.
// vllm-project/vllm#33402 (vLLM 0.16 renames `reasoning_content` to `reasoning`, also on incoming
// assistant messages) and vllm-project/vllm#38488 (an echoed `reasoning_content` is silently dropped):
// earlier reasoning must go back as `reasoning` for current servers and `reasoning_content` for older ones.
import { generateText, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import {
  chunk,
  completion,
  startFakeWandbServer,
  type FakeWandbServer,
} from '../fake-wandb-server';
import { MODEL_ID, providerFor, toolDelta } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const weather = tool({ inputSchema: z.object({ city: z.string() }), execute: async () => 'sunny' });
const assistantOf = (requestIndex: number) =>
  (server.requests[requestIndex].body.messages as Array<any>).find(m => m.role === 'assistant');

describe('earlier reasoning goes back as both `reasoning` and `reasoning_content`', () => {
  it('streamText: the second step carries the first step reasoning under both names', async () => {
    server.chat(
      {
        type: 'sse',
        events: [
          chunk({ role: 'assistant', reasoning: 'Need the weather.' }),
          toolDelta({
            index: 0,
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Paris"}' },
          }),
          chunk({}, 'tool_calls'),
        ],
      },
      { type: 'sse', events: [chunk({ content: 'Sunny.' }), chunk({}, 'stop')] },
    );
    const before = server.requests.length;
    const result = streamText({
      model: providerFor(server)(MODEL_ID),
      prompt: 'Weather in Paris?',
      stopWhen: stepCountIs(2),
      tools: { weather },
    });
    expect(await result.text).toBe('Sunny.');
    expect(assistantOf(before + 1)).toMatchObject({
      reasoning: 'Need the weather.',
      reasoning_content: 'Need the weather.',
    });
  });

  it('generateText: the same for the non-streaming path', async () => {
    server.chat(
      {
        type: 'json',
        body: completion(
          {
            content: null,
            reasoning: 'Oslo, then.',
            tool_calls: [
              {
                id: 'call_2',
                type: 'function',
                function: { name: 'weather', arguments: '{"city":"Oslo"}' },
              },
            ],
          },
          { finishReason: 'tool_calls' },
        ),
      },
      { type: 'json', body: completion({ content: 'Cold.' }) },
    );
    const before = server.requests.length;
    await generateText({
      model: providerFor(server)(MODEL_ID),
      prompt: 'Oslo?',
      stopWhen: stepCountIs(2),
      tools: { weather },
    });
    expect(assistantOf(before + 1)).toMatchObject({
      reasoning: 'Oslo, then.',
      reasoning_content: 'Oslo, then.',
    });
  });
});
