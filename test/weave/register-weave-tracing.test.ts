/**
 * registerWeaveTracing with the real ai@7, the real @ai-sdk/otel integration and the real OTLP
 * protobuf exporter, against the fake W&B server; the spans are decoded by a loopback receiver.
 */
import { DiagLogLevel, diag, trace } from '@opentelemetry/api';
import { generateText, isStepCount, streamText, tool } from 'ai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { registerWeaveTracing, withWeaveThread, type WeaveTracing } from '../../src/weave/index';
import { MODEL_ID } from '../helpers';
import { providerFor } from '../support/fake-wandb';
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
  streamedToolCall,
  startFakeWandbServer,
  type FakeWandbServer,
} from './weave-fixtures';

let server: FakeWandbServer;
let receiver: OtlpReceiver;
let tracing: WeaveTracing;
const diagnostics: string[] = [];

beforeAll(async () => {
  server = await startFakeWandbServer();
  receiver = await startOtlpReceiver();
  diag.setLogger(
    {
      error: message => diagnostics.push(`error: ${message}`),
      warn: message => diagnostics.push(`warn: ${message}`),
      info: () => {},
      debug: () => {},
      verbose: () => {},
    },
    DiagLogLevel.WARN,
  );
  tracing = registerWeaveTracing({
    project: WEAVE_PROJECT,
    apiKey: WEAVE_KEY,
    baseURL: receiver.baseURL,
  });
});
afterEach(async () => {
  await tracing.forceFlush();
  receiver.requests.length = 0;
});
afterAll(async () => {
  await tracing.shutdown();
  diag.disable();
  await receiver.close();
  await server.close();
});

const model = () => providerFor(server)(MODEL_ID);

const weather = tool({
  description: 'Current weather in a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, temperature: 21 }),
});

describe('registerWeaveTracing (ai@7)', () => {
  it('sends a generateText call as invoke_agent → step → chat, with the usage W&B reported', async () => {
    server.chat(answer('Hello from W&B'));
    const result = await generateText({ model: model(), prompt: 'Say hello' });
    expect(result.text).toBe('Hello from W&B');
    await tracing.forceFlush();

    const spans = receiver.spans();
    expect(outline(spanTrees(spans))).toEqual([
      `invoke_agent ${MODEL_ID}`,
      '  step 1',
      `    chat ${MODEL_ID}`,
    ]);
    const chat = spans.find(span => span.name === `chat ${MODEL_ID}`)!;
    expect(chat.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': MODEL_ID,
      'gen_ai.response.model': MODEL_ID,
      'gen_ai.usage.input_tokens': USAGE.prompt_tokens,
      'gen_ai.usage.output_tokens': USAGE.completion_tokens,
      'gen_ai.usage.cache_read.input_tokens': USAGE.prompt_tokens_details.cached_tokens,
      'ai.usage.outputTokenDetails.reasoningTokens':
        USAGE.completion_tokens_details.reasoning_tokens,
    });
    // Inputs and outputs are recorded by default, as the AI SDK does.
    expect(JSON.stringify(chat.attributes['gen_ai.input.messages'])).toContain('Say hello');
    expect(JSON.stringify(chat.attributes['gen_ai.output.messages'])).toContain('Hello from W&B');

    for (const span of spans) {
      expect(span.resource).toMatchObject({
        'wandb.entity': 'my-team',
        'wandb.project': 'my-project',
        'service.name': 'wandb-ai-provider',
      });
    }
    const [request] = receiver.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/otel/v1/traces');
    expect(request.headers['content-type']).toBe('application/x-protobuf');
    expect(request.headers['wandb-api-key']).toBe(WEAVE_KEY);
    expect(bodiesContain(receiver, WEAVE_KEY)).toBe(false);
  });

  it('sends a streamText tool loop as one trace: two steps, the tool in the first', async () => {
    server.chat(streamedToolCall(), streamedAnswer('It is ', '21°C in Paris.'));
    const result = streamText({
      model: model(),
      prompt: 'Weather in Paris?',
      tools: { weather },
      stopWhen: isStepCount(2),
    });
    expect(await result.text).toBe('It is 21°C in Paris.');
    const spans = await flushUntilSpans(tracing.forceFlush, receiver, 6);
    expect(new Set(spans.map(span => span.traceId)).size).toBe(1);
    const tree = outline(spanTrees(spans));
    expect(tree).toEqual([
      `invoke_agent ${MODEL_ID}`,
      '  step 1',
      `    chat ${MODEL_ID}`,
      '    execute_tool weather',
      '  step 2',
      `    chat ${MODEL_ID}`,
    ]);
    const tool = spans.find(span => span.name === 'execute_tool weather')!;
    expect(tool.attributes).toMatchObject({
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'weather',
      'gen_ai.tool.call.id': 'call_weather_1',
    });
    const [toolStep, answerStep] = spans
      .filter(span => span.name === `chat ${MODEL_ID}`)
      .sort((a, b) => a.startTime - b.startTime);
    expect(toolStep.attributes).toMatchObject({
      'gen_ai.usage.input_tokens': TOOL_USAGE.prompt_tokens,
      'gen_ai.usage.output_tokens': TOOL_USAGE.completion_tokens,
    });
    expect(answerStep.attributes).toMatchObject({
      'gen_ai.usage.input_tokens': USAGE.prompt_tokens,
      'gen_ai.usage.output_tokens': USAGE.completion_tokens,
      'gen_ai.usage.cache_read.input_tokens': USAGE.prompt_tokens_details.cached_tokens,
      'ai.usage.outputTokenDetails.reasoningTokens':
        USAGE.completion_tokens_details.reasoning_tokens,
    });
    printTree(spans);
    expect(bodiesContain(receiver, WEAVE_KEY)).toBe(false);
  });

  it('groups the calls made inside withWeaveThread as one thread', async () => {
    server.chat(answer('first'), answer('second'));
    for (const prompt of ['one', 'two']) {
      await withWeaveThread('conversation-7', () => generateText({ model: model(), prompt }));
    }
    await tracing.forceFlush();
    const spans = receiver.spans();
    expect(spans.length).toBe(6);
    for (const span of spans) {
      expect(span.attributes['wandb.thread_id']).toBe('conversation-7');
      expect(span.attributes['gen_ai.conversation.id']).toBe('conversation-7');
    }
    const roots = spans.filter(span => span.parentSpanId === '');
    expect(roots.map(span => span.attributes['wandb.is_turn'])).toEqual([true, true]);
    expect(spans.filter(span => span.attributes['wandb.is_turn'] != null)).toHaveLength(2);
  });

  it('is registered once: a second registerWeaveTracing gives the same handle and one set of spans', async () => {
    const again = registerWeaveTracing({
      project: WEAVE_PROJECT,
      apiKey: WEAVE_KEY,
      baseURL: receiver.baseURL,
    });
    expect(again).toBe(tracing);
    expect(diagnostics).toEqual([]);
    // Other options: still the first registration, and a warning saying so.
    expect(registerWeaveTracing({ project: 'other/project', apiKey: WEAVE_KEY })).toBe(tracing);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(
      /^warn: .*called again with other options; the first registration stays/,
    );
    diagnostics.length = 0;
    server.chat(answer('once'));
    await generateText({ model: model(), prompt: 'Once?' });
    await tracing.forceFlush();
    expect(receiver.spans().map(span => span.name)).toEqual([
      `chat ${MODEL_ID}`,
      'step 1',
      `invoke_agent ${MODEL_ID}`,
    ]);
  });

  it('leaves the global OpenTelemetry tracer provider alone', () => {
    // Still the API's no-op proxy: nothing was registered globally.
    const span = trace.getTracer('app').startSpan('app span');
    expect(span.isRecording()).toBe(false);
    span.end();
  });

  it('a call can still opt out of recording inputs and outputs', async () => {
    server.chat(answer('secret answer'));
    await generateText({
      model: model(),
      prompt: 'secret prompt',
      telemetry: { recordInputs: false, recordOutputs: false },
    });
    await tracing.forceFlush();
    const bodies = Buffer.concat(receiver.requests.map(request => request.body));
    expect(bodies.includes('secret prompt')).toBe(false);
    expect(bodies.includes('secret answer')).toBe(false);
    expect(receiver.spans()).toHaveLength(3);
  });

  it('shutdown() unregisters: no more spans, and a new registration starts anew', async () => {
    await tracing.shutdown();
    const integrations = (globalThis as { AI_SDK_TELEMETRY_INTEGRATIONS?: unknown[] })
      .AI_SDK_TELEMETRY_INTEGRATIONS;
    expect(integrations).toEqual([]);
    server.chat(answer('untraced'));
    await generateText({ model: model(), prompt: 'Untraced?' });
    expect(receiver.requests).toEqual([]);

    tracing = registerWeaveTracing({
      project: WEAVE_PROJECT,
      apiKey: WEAVE_KEY,
      baseURL: receiver.baseURL,
    });
    server.chat(answer('traced again'));
    await generateText({ model: model(), prompt: 'Traced again?' });
    await tracing.forceFlush();
    expect(receiver.spans()).toHaveLength(3);
  });

  it('reports nothing through diag when every export succeeds', () => {
    expect(diagnostics).toEqual([]);
  });
});

/** The decoded tree with its key attributes, for the README/report (printed, not asserted). */
function printTree(spans: ReturnType<OtlpReceiver['spans']>): void {
  const keys = [
    'gen_ai.operation.name',
    'gen_ai.request.model',
    'gen_ai.tool.name',
    'gen_ai.usage.input_tokens',
    'gen_ai.usage.output_tokens',
    'gen_ai.usage.cache_read.input_tokens',
    'ai.usage.outputTokenDetails.reasoningTokens',
    'gen_ai.response.finish_reasons',
  ];
  const lines: string[] = [];
  const walk = (nodes: ReturnType<typeof spanTrees>, depth: number) => {
    for (const node of nodes) {
      const attributes = keys
        .filter(key => node.attributes[key] != null)
        .map(key => `${key}=${JSON.stringify(node.attributes[key])}`);
      lines.push(`${'  '.repeat(depth)}${node.name}  {${attributes.join(', ')}}`);
      walk(node.children, depth + 1);
    }
  };
  walk(spanTrees(spans), 0);
  if (process.env.WEAVE_PRINT_TREE) console.log(lines.join('\n'));
}
