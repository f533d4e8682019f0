/** Mastra (`@mastra/core`): an Agent on the root entry, run from its own temp project. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPOSITORY_ROOT } from './client-projects.ts';
import { runProgram } from './run-program.ts';
import { scriptedAnswer, WEATHER } from './scripted-answers.ts';
import { type FakeWandbServer, startFakeWandbServer } from './wandb-server.ts';

const IMAGE = join(REPOSITORY_ROOT, 'examples/assets/shapes.png');
let server: FakeWandbServer;
let run: Awaited<ReturnType<typeof runProgram>>;
const bodies = () => server.requests.map(request => request.body);

beforeAll(async () => {
  server = await startFakeWandbServer({ unscripted: scriptedAnswer });
  run = await runProgram(inject('projects').mastra, 'mastra-agent.mjs', {
    WANDB_API_KEY: 'mastra-test-key',
    WANDB_BASE_URL: server.baseURL,
    IMAGE_PATH: IMAGE,
    MASTRA_TELEMETRY_DISABLED: '1',
  });
});
afterAll(() => server?.close());

describe('a Mastra Agent on the root entry', () => {
  it('generates and streams text', () => {
    expect(run.output.generated).toMatchObject({
      text: 'Hello from the fake W&B server.',
      finishReason: 'stop',
    });
    expect(run.output.streamedText).toBe('Hello from the fake W&B server.');
    expect(bodies()[1]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    for (const request of server.requests)
      expect(request.headers.authorization).toBe('Bearer mastra-test-key');
  });

  it('calls a tool and sends its result back', () => {
    expect(run.output.withTool.text).toBe('It is Paris: 21°C right now.');
    const toolRound = bodies().find(body => body.messages.at(-1).role === 'tool');
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
    expect(run.output.structured).toEqual(WEATHER);
    const structured = bodies().find(body => body.response_format != null);
    expect(structured.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { schema: { required: ['city', 'temperatureC'] } },
    });
  });

  it('sends an image as a data URL', () => {
    expect(run.output.image).toBe('A picture of shapes.');
    const png = readFileSync(IMAGE).toString('base64');
    const imageAsk = bodies().find(body => JSON.stringify(body.messages).includes('image_url'));
    expect(imageAsk.messages.at(-1).content).toContainEqual({
      type: 'image_url',
      image_url: { url: `data:image/png;base64,${png}` },
    });
  });

  it('makes no connection beyond loopback', () => {
    expect(run.egress).toEqual([]);
  });
});
