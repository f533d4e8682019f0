// docs/wandb-wire-format.md, recurring bug 7: vercel/ai#10778; anomalyco/opencode#24124 → vercel/ai#12049 "include reasoning_content in
// assistant messages for multi-turn tool calls" (DeepSeek/Kimi: "reasoning_content ... must be passed back").
import { generateText, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { createWandb } from '../../src/index';
import {
  chunk,
  completion,
  startFakeWandbServer,
  type FakeWandbServer,
} from '../fake-wandb-server';
import { MODEL_ID, toolDelta } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const wandb = () => createWandb({ apiKey: 'test-key', baseURL: server.baseURL });
const weather = tool({ inputSchema: z.object({ city: z.string() }), execute: async () => 'sunny' });
const assistantOf = (requestIndex: number) =>
  (server.requests[requestIndex].body.messages as Array<any>).find(m => m.role === 'assistant');

describe('reasoning echoed back as reasoning_content (vercel/ai#12049, #10778)', () => {
  it('streamText: step 2 sends step 1 reasoning on the assistant tool-call message', async () => {
    server.chat(
      {
        type: 'sse',
        events: [
          chunk({ role: 'assistant', reasoning: 'I need the ' }),
          chunk({ reasoning: 'weather.' }),
          toolDelta({
            index: 0,
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Paris"}' },
          }),
          chunk({}, 'tool_calls'),
        ],
      },
      { type: 'sse', events: [chunk({ content: 'It is sunny.' }), chunk({}, 'stop')] },
    );
    const before = server.requests.length;
    const result = streamText({
      model: wandb()(MODEL_ID),
      prompt: 'Weather in Paris?',
      stopWhen: stepCountIs(2),
      tools: { weather },
    });
    expect(await result.text).toBe('It is sunny.');

    const assistant = assistantOf(before + 1);
    expect(assistant.reasoning_content).toBe('I need the weather.');
    expect(assistant.tool_calls).toEqual([
      expect.objectContaining({
        id: 'call_1',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Paris"}' },
      }),
    ]);
    expect(assistant.content).toBeNull();
  });

  it('generateText: reasoning read from reasoning_content is sent back losslessly', async () => {
    const thought = 'Line one.\n  Line two with "quotes" and ünïcödé.';
    server.chat(
      {
        type: 'json',
        body: completion(
          {
            content: null,
            reasoning_content: thought,
            tool_calls: [
              {
                id: 'call_9',
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
    const { text } = await generateText({
      model: wandb()(MODEL_ID),
      prompt: 'Oslo?',
      stopWhen: stepCountIs(2),
      tools: { weather },
    });
    expect(text).toBe('Cold.');
    expect(assistantOf(before + 1).reasoning_content).toBe(thought);
  });
});
