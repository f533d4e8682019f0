// docs/wandb-wire-format.md, recurring bug 27.
// Ollama's OpenAI-compatible endpoint sends `"finish_reason":""` on every chunk until the last
// (https://github.com/ollama/ollama/issues/4357), and gateways relay it. Read as a finish, it ended
// a streamed tool call after its first delta, and the call went out with empty arguments.
import { streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { chunk, startFakeWandbServer, type FakeWandbServer } from '../fake-wandb-server';
import { MODEL_ID, providerFor } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const withEmptyFinish = (delta: Record<string, unknown>) => chunk(delta, '');

describe('finish_reason "" is not a finish', () => {
  it('streamText: a tool call streamed in pieces keeps all its arguments', async () => {
    server.chat({
      type: 'sse',
      events: [
        withEmptyFinish({
          role: 'assistant',
          tool_calls: [
            {
              index: 0,
              id: 'call_a1',
              type: 'function',
              function: { name: 'weather', arguments: '' },
            },
          ],
        }),
        withEmptyFinish({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
        withEmptyFinish({ tool_calls: [{ index: 0, function: { arguments: ' "Rome"}' } }] }),
        chunk({}, 'tool_calls'),
      ],
    });
    const result = streamText({
      model: providerFor(server)(MODEL_ID),
      prompt: 'Weather in Rome?',
      tools: { weather: tool({ inputSchema: z.object({ city: z.string() }) }) },
    });
    const calls = await result.toolCalls;
    expect(calls.map(call => call.input)).toEqual([{ city: 'Rome' }]);
    expect(await result.finishReason).toBe('tool-calls');
  });

  it('a text stream with "" on every chunk and no real reason finishes interrupted, not other', async () => {
    server.chat({
      type: 'sse',
      events: [withEmptyFinish({ role: 'assistant', content: 'Hi' }), withEmptyFinish({})],
    });
    const result = streamText({ model: providerFor(server)(MODEL_ID), prompt: 'Hi' });
    expect(await result.text).toBe('Hi');
    expect(await result.finishReason).toBe('interrupted');
  });
});
