/** Mastra (`@mastra/core`): an Agent on the root entry, run from its own temp project. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEATHER } from './scripted-answers.ts';
import { IMAGE, useAgentProgramRun } from './agent-program-run.ts';

const client = useAgentProgramRun('mastra', 'mastra-agent.mjs', {
  WANDB_API_KEY: 'mastra-test-key',
  MASTRA_TELEMETRY_DISABLED: '1',
});

describe('a Mastra Agent on the root entry', () => {
  it('generates and streams text', () => {
    expect(client.run.output.generated).toMatchObject({
      text: 'Hello from the fake W&B server.',
      finishReason: 'stop',
    });
    expect(client.run.output.streamedText).toBe('Hello from the fake W&B server.');
    expect(client.bodies()[1]).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
    for (const request of client.server.requests)
      expect(request.headers.authorization).toBe('Bearer mastra-test-key');
  });

  it('calls a tool and sends its result back', () => {
    expect(client.run.output.withTool.text).toBe('It is Paris: 21°C right now.');
    const toolRound = client.bodies().find(body => body.messages.at(-1).role === 'tool');
    expect(toolRound.messages.slice(-2)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_weather_1',
            type: 'function',
            function: { name: 'get_weather', arguments: JSON.stringify({ city: 'Paris' }) },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_weather_1', content: 'Paris: 21°C' },
    ]);
  });

  it('returns structured output through a JSON schema response format', () => {
    expect(client.run.output.structured).toEqual(WEATHER);
    const structured = client.bodies().find(body => body.response_format != null);
    expect(structured.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { schema: { required: ['city', 'temperatureC'] } },
    });
  });

  it('sends an image as a data URL', () => {
    expect(client.run.output.image).toBe('A picture of shapes.');
    const png = readFileSync(IMAGE).toString('base64');
    const imageAsk = client
      .bodies()
      .find(body => JSON.stringify(body.messages).includes('image_url'));
    expect(imageAsk.messages.at(-1).content).toContainEqual({
      type: 'image_url',
      image_url: { url: `data:image/png;base64,${png}` },
    });
  });

  it('makes no connection beyond loopback', () => {
    expect(client.run.egress).toEqual([]);
  });
});
