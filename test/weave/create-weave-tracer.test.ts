/**
 * createWeaveTracer with the older majors, each through its own entry: ai@6 (/v3), ai@5 (/v2)
 * and ai@4 (/v1), passing the tracer per call in `experimental_telemetry`. Real exporter, real
 * protobuf, decoded by the loopback receiver.
 */
import * as ai4 from 'ai-v4';
import * as ai5 from 'ai-v5';
import * as ai6 from 'ai-v6';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWandb as createWandbV1 } from '../../src/v1/index';
import { createWandb as createWandbV2 } from '../../src/v2/index';
import { createWandb as createWandbV3 } from '../../src/v3/index';
import { createWeaveTracer, withWeaveThread, type WeaveTracer } from '../../src/weave/index';
import { API_KEY, MODEL_ID } from '../helpers';
import { outline, spanTrees, startOtlpReceiver, type OtlpReceiver } from './otlp-receiver';
import {
  TOOL_USAGE,
  USAGE,
  WEAVE_KEY,
  WEAVE_PROJECT,
  answer,
  bodiesContain,
  flushUntilSpans,
  streamedAnswer,
  toolCall,
  startFakeWandbServer,
  type FakeWandbServer,
} from './weave-fixtures';

let server: FakeWandbServer;
let receiver: OtlpReceiver;
let weave: WeaveTracer;

beforeAll(async () => {
  server = await startFakeWandbServer();
  receiver = await startOtlpReceiver();
  weave = createWeaveTracer({
    project: WEAVE_PROJECT,
    apiKey: WEAVE_KEY,
    baseURL: receiver.baseURL,
    view: 'agents',
  });
});
afterEach(() => {
  receiver.requests.length = 0;
});
afterAll(async () => {
  await weave.shutdown();
  await receiver.close();
  await server.close();
});

const settings = () => ({ apiKey: API_KEY, baseURL: server.baseURL });
const execute = async ({ city }: { city: string }) => ({ city, temperature: 21 });

/** What differs between the majors; the assertions are the same. */
type Major = {
  name: string;
  generateToolLoop(): Promise<string>;
  stream(): Promise<string>;
  usageKeys: { input: string; output: string };
};

const majors: Major[] = [
  {
    name: 'ai@6 through /v3',
    usageKeys: { input: 'gen_ai.usage.input_tokens', output: 'gen_ai.usage.output_tokens' },
    generateToolLoop: async () => {
      const weather = ai6.tool({ inputSchema: z.object({ city: z.string() }), execute });
      const result = await ai6.generateText({
        model: createWandbV3(settings())(MODEL_ID),
        prompt: 'Weather in Paris?',
        tools: { weather },
        stopWhen: ai6.stepCountIs(2),
        experimental_telemetry: weave.telemetry,
      });
      return result.text;
    },
    stream: async () => {
      const result = ai6.streamText({
        model: createWandbV3(settings())(MODEL_ID),
        prompt: 'Stream please',
        experimental_telemetry: weave.telemetry,
      });
      return await result.text;
    },
  },
  {
    name: 'ai@5 through /v2',
    usageKeys: { input: 'gen_ai.usage.input_tokens', output: 'gen_ai.usage.output_tokens' },
    generateToolLoop: async () => {
      const weather = ai5.tool({ inputSchema: z.object({ city: z.string() }), execute });
      const result = await ai5.generateText({
        model: createWandbV2(settings())(MODEL_ID),
        prompt: 'Weather in Paris?',
        tools: { weather },
        stopWhen: ai5.stepCountIs(2),
        experimental_telemetry: weave.telemetry,
      });
      return result.text;
    },
    stream: async () => {
      const result = ai5.streamText({
        model: createWandbV2(settings())(MODEL_ID),
        prompt: 'Stream please',
        experimental_telemetry: weave.telemetry,
      });
      return await result.text;
    },
  },
  {
    name: 'ai@4 through /v1',
    usageKeys: { input: 'gen_ai.usage.input_tokens', output: 'gen_ai.usage.output_tokens' },
    generateToolLoop: async () => {
      const weather = ai4.tool({ parameters: z.object({ city: z.string() }), execute });
      const result = await ai4.generateText({
        model: createWandbV1(settings())(MODEL_ID),
        prompt: 'Weather in Paris?',
        tools: { weather },
        maxSteps: 2,
        experimental_telemetry: weave.telemetry,
      });
      return result.text;
    },
    stream: async () => {
      const result = ai4.streamText({
        model: createWandbV1(settings())(MODEL_ID),
        prompt: 'Stream please',
        experimental_telemetry: weave.telemetry,
      });
      // ai@4's promises resolve only once the stream has been read.
      await result.consumeStream();
      return await result.text;
    },
  },
];

describe.each(majors)('createWeaveTracer with $name', major => {
  it('sends a generateText tool loop as one trace with the usage W&B reported', async () => {
    server.chat(toolCall(), answer('It is 21°C in Paris.'));
    expect(await major.generateToolLoop()).toBe('It is 21°C in Paris.');
    const spans = await flushUntilSpans(weave.forceFlush, receiver, 4);
    if (process.env.WEAVE_PRINT_TREE) console.log(outline(spanTrees(spans)).join('\n'));
    expect(new Set(spans.map(span => span.traceId)).size).toBe(1);
    expect(outline(spanTrees(spans))).toEqual([
      'ai.generateText',
      '  ai.generateText.doGenerate',
      '  ai.toolCall',
      '  ai.generateText.doGenerate',
    ]);
    const calls = spans
      .filter(span => span.name === 'ai.generateText.doGenerate')
      .sort((a, b) => a.startTime - b.startTime);
    expect(calls.map(span => span.attributes['gen_ai.request.model'])).toEqual([
      MODEL_ID,
      MODEL_ID,
    ]);
    expect(calls.map(span => span.attributes[major.usageKeys.input])).toEqual([
      TOOL_USAGE.prompt_tokens,
      USAGE.prompt_tokens,
    ]);
    expect(calls.map(span => span.attributes[major.usageKeys.output])).toEqual([
      TOOL_USAGE.completion_tokens,
      USAGE.completion_tokens,
    ]);
    expect(spans.find(span => span.name === 'ai.toolCall')?.attributes).toMatchObject({
      'ai.toolCall.name': 'weather',
      'ai.toolCall.id': 'call_weather_1',
    });
    for (const span of spans) {
      expect(span.resource).toMatchObject({
        'wandb.entity': 'my-team',
        'wandb.project': 'my-project',
      });
    }
    expect(receiver.requests.map(request => request.path)).toEqual(['/agents/otel/v1/traces']);
    expect(receiver.requests[0].headers['wandb-api-key']).toBe(WEAVE_KEY);
    expect(bodiesContain(receiver, WEAVE_KEY)).toBe(false);
  });

  it('sends a streamText call, grouped into a thread by withWeaveThread', async () => {
    server.chat(streamedAnswer('Streamed ', 'answer'));
    const text = await withWeaveThread('chat-42', () => major.stream());
    expect(text).toBe('Streamed answer');
    const spans = await flushUntilSpans(weave.forceFlush, receiver, 2);
    expect(outline(spanTrees(spans))).toEqual(['ai.streamText', '  ai.streamText.doStream']);
    for (const span of spans) {
      expect(span.attributes['wandb.thread_id']).toBe('chat-42');
      expect(span.attributes['gen_ai.conversation.id']).toBe('chat-42');
    }
    const root = spans.find(span => span.name === 'ai.streamText')!;
    expect(root.attributes['wandb.is_turn']).toBe(true);
    const call = spans.find(span => span.name === 'ai.streamText.doStream')!;
    expect(call.attributes[major.usageKeys.input]).toBe(USAGE.prompt_tokens);
    expect(bodiesContain(receiver, WEAVE_KEY)).toBe(false);
  });
});
