/** VoltAgent (`@voltagent/core`, built on ai@6): an Agent on the `/v3` entry, run from its own temp project. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEATHER } from './scripted-answers.ts';
import { IMAGE, useAgentProgramRun } from './agent-program-run.ts';

const client = useAgentProgramRun('voltagent', 'voltagent-agent.mjs', {
  WANDB_API_KEY: 'voltagent-test-key',
  // Outside production VoltAgent refreshes its model registry from models.dev.
  NODE_ENV: 'production',
});

describe('a VoltAgent Agent on /v3', () => {
  it('generates and streams text', () => {
    expect(client.run.output.generated).toMatchObject({
      text: 'Hello from the fake W&B server.',
      finishReason: 'stop',
    });
    expect(client.run.output.streamedText).toBe('Hello from the fake W&B server.');
    expect(client.bodies().some(body => body.stream === true)).toBe(true);
    for (const request of client.server.requests)
      expect(request.headers.authorization).toBe('Bearer voltagent-test-key');
  });

  it('calls a tool and sends its result back', () => {
    expect(client.run.output.withTool).toBe('It is Paris: 21°C right now.');
    const toolRound = client.bodies().find(body => body.messages.at(-1).role === 'tool');
    expect(toolRound.messages.at(-2).tool_calls).toEqual([
      {
        id: 'call_weather_1',
        type: 'function',
        function: { name: 'get_weather', arguments: JSON.stringify({ city: 'Paris' }) },
      },
    ]);
    expect(toolRound.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_weather_1',
      content: 'Paris: 21°C',
    });
  });

  it('generates an object through a JSON schema response format', () => {
    expect(client.run.output.object).toEqual(WEATHER);
    const structured = client.bodies().find(body => body.response_format != null);
    expect(structured.response_format).toMatchObject({ type: 'json_schema' });
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
