/**
 * End to end through the real `ai@7` functions, against the fake W&B server.
 */
import { APICallError } from '@ai-sdk/provider';
import {
  Output,
  generateObject,
  generateText,
  stepCountIs,
  streamObject,
  streamText,
  tool,
} from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import {
  chunk,
  completion,
  startFakeWandbServer,
  textStream,
  usageChunk,
  type FakeWandbServer,
} from '../../src/emulator/scripted-wandb-server';
import { MODEL_ID, errorFrom, headerOf, lastRequest, providerFor, toolDelta } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(async () => {
  await server.close();
});

const model = () => providerFor(server)(MODEL_ID);

/** The requests made since `start` (an index into `server.requests`). */
const requestsSince = (start: number) => server.requests.slice(start);

const personSchema = z.object({ name: z.string(), born: z.number() });

const weather = tool({
  description: 'Current weather in a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, temperature: 21, sky: 'sunny' }),
});

describe('generateText', () => {
  it('returns text, usage and finish reason, and sends a plain chat request', async () => {
    server.chat({
      type: 'json',
      body: completion(
        { content: 'Hello from W&B' },
        { usage: { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 } },
      ),
    });
    const result = await generateText({
      model: model(),
      system: 'Be brief.',
      prompt: 'Say hello',
      temperature: 0.2,
      maxRetries: 0,
    });
    expect(result.text).toBe('Hello from W&B');
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBe(9);
    expect(result.usage.outputTokens).toBe(4);
    const request = lastRequest(server);
    expect(request.body).toMatchObject({
      model: MODEL_ID,
      temperature: 0.2,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: expect.anything() },
      ],
    });
    expect(JSON.stringify(request.body.messages[1].content)).toContain('Say hello');
    expect(request.body).not.toHaveProperty('tool_choice');
    expect(headerOf(request, 'user-agent')).toContain('wandb-ai-provider/');
    expect(headerOf(request, 'user-agent')).toContain('ai/7');
  });

  it('returns reasoning separately from the text', async () => {
    server.chat({
      type: 'json',
      body: completion({ reasoning: 'Two plus two is four.', content: '4' }),
    });
    const result = await generateText({ model: model(), prompt: '2+2?', maxRetries: 0 });
    expect(result.text).toBe('4');
    expect(result.reasoningText).toBe('Two plus two is four.');
  });

  it('passes providerOptions.wandb through to the request', async () => {
    server.chat({ type: 'json', body: completion({ content: 'ok' }) });
    await generateText({
      model: model(),
      prompt: 'Hi',
      maxRetries: 0,
      providerOptions: { wandb: { enableThinking: false, cacheSalt: 'tenant-1' } },
    });
    expect(lastRequest(server).body).toMatchObject({
      chat_template_kwargs: { enable_thinking: false },
      cache_salt: 'tenant-1',
    });
  });

  it('maps the reasoning option of ai@7 to reasoning_effort', async () => {
    server.chat({ type: 'json', body: completion({ content: 'ok' }) });
    await generateText({ model: model(), prompt: 'Hi', reasoning: 'high', maxRetries: 0 });
    expect(lastRequest(server).body.reasoning_effort).toBe('high');
  });

  it('throws the APICallError for a scripted 401 without retrying', async () => {
    const start = server.requests.length;
    server.chat({
      type: 'json',
      status: 401,
      body: { error: { message: 'Authentication failed' } },
    });
    const error = await errorFrom(() =>
      generateText({ model: model(), prompt: 'Hi', maxRetries: 0 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(401);
    expect((error as Error).message).toContain('Authentication failed');
    expect(requestsSince(start)).toHaveLength(1);
  });

  it('lets ai retry a concurrency 429 and succeed', async () => {
    const start = server.requests.length;
    server.chat(
      {
        type: 'json',
        status: 429,
        body: { error: { message: 'Concurrency limit reached for requests' } },
        headers: { 'retry-after-ms': '10' },
      },
      { type: 'json', body: completion({ content: 'second time lucky' }) },
    );
    const result = await generateText({ model: model(), prompt: 'Hi', maxRetries: 1 });
    expect(result.text).toBe('second time lucky');
    expect(requestsSince(start)).toHaveLength(2);
  });

  it('does not let ai retry a 402 quota error', async () => {
    const start = server.requests.length;
    server.chat({
      type: 'json',
      status: 402,
      body: {
        error: {
          message: 'You exceeded your current quota, please check your plan and billing details',
        },
      },
      headers: { 'retry-after-ms': '10' },
    });
    const error = await errorFrom(() =>
      generateText({ model: model(), prompt: 'Hi', maxRetries: 2 }),
    );
    expect(JSON.stringify(error)).toContain('402');
    expect(requestsSince(start)).toHaveLength(1);
  });
});

describe('streamText', () => {
  it('streams the text and reports usage and finish reason', async () => {
    server.chat({ type: 'sse', events: textStream('Hel', 'lo ', 'there') });
    const result = streamText({ model: model(), prompt: 'Say hello', maxRetries: 0 });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);
    expect(pieces.join('')).toBe('Hello there');
    expect(await result.text).toBe('Hello there');
    expect(await result.finishReason).toBe('stop');
    expect((await result.usage).inputTokens).toBe(12);
    expect(lastRequest(server).body).toMatchObject({
      model: MODEL_ID,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('streams reasoning and text as separate parts', async () => {
    server.chat({
      type: 'sse',
      events: [
        chunk({ reasoning: 'Hmm, ' }),
        chunk({ reasoning: 'four.' }),
        chunk({ content: '4' }),
        chunk({}, 'stop'),
        usageChunk(),
      ],
    });
    const result = streamText({ model: model(), prompt: '2+2?', maxRetries: 0 });
    expect(await result.text).toBe('4');
    expect(await result.reasoningText).toBe('Hmm, four.');
  });

  it('surfaces a mid-stream W&B error through onError and finishes with error', async () => {
    server.chat({
      type: 'sse',
      events: [
        chunk({ content: 'Hel' }),
        { error: { message: 'The engine is currently overloaded, please try again later' } },
      ],
    });
    const errors: unknown[] = [];
    const result = streamText({
      model: model(),
      prompt: 'Hi',
      maxRetries: 0,
      onError: ({ error }) => void errors.push(error),
    });
    const partTypes: string[] = [];
    for await (const part of result.fullStream) partTypes.push(part.type);
    expect(partTypes).toContain('error');
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0]) + String((errors[0] as Error)?.message)).toContain(
      'overloaded',
    );
  });
});

describe('generateObject and streamObject', () => {
  it('generateObject sends a json_schema response format and parses the object', async () => {
    server.chat({
      type: 'json',
      body: completion({ content: '{"name":"Ada Lovelace","born":1815}' }),
    });
    const result = await generateObject({
      model: model(),
      schema: personSchema,
      prompt: 'A mathematician',
      maxRetries: 0,
    });
    expect(result.object).toEqual({ name: 'Ada Lovelace', born: 1815 });
    const format = lastRequest(server).body.response_format;
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.name).toBe('response');
    expect(format.json_schema.schema).toMatchObject({
      type: 'object',
      properties: { name: { type: 'string' }, born: { type: 'number' } },
    });
  });

  it('generateObject sends the schema name and description', async () => {
    server.chat({
      type: 'json',
      body: completion({ content: '{"name":"Grace Hopper","born":1906}' }),
    });
    const result = await generateObject({
      model: model(),
      schema: personSchema,
      schemaName: 'person',
      schemaDescription: 'A famous computer scientist',
      prompt: 'A computer scientist',
      maxRetries: 0,
    });
    expect(result.object.name).toBe('Grace Hopper');
    expect(lastRequest(server).body.response_format.json_schema).toMatchObject({
      name: 'person',
      description: 'A famous computer scientist',
    });
  });

  it('generateObject with structuredOutputs false falls back to json_object with the schema in the prompt', async () => {
    server.chat({
      type: 'json',
      body: completion({ content: '{"name":"Alan Turing","born":1912}' }),
    });
    const result = await generateObject({
      model: model(),
      schema: personSchema,
      prompt: 'A logician',
      maxRetries: 0,
      providerOptions: { wandb: { structuredOutputs: false } },
    });
    expect(result.object).toEqual({ name: 'Alan Turing', born: 1912 });
    const body = lastRequest(server).body;
    expect(body.response_format).toEqual({ type: 'json_object' });
    const promptText = JSON.stringify(body.messages);
    expect(promptText).toContain('born');
    expect(promptText).toContain('A logician');
  });

  it('streamObject streams partial objects and the final object', async () => {
    server.chat({
      type: 'sse',
      events: textStream('{"name":', '"Emmy ', 'Noether",', '"born":18', '82}'),
    });
    const result = streamObject({
      model: model(),
      schema: personSchema,
      prompt: 'An algebraist',
      maxRetries: 0,
    });
    const partials: unknown[] = [];
    for await (const partial of result.partialObjectStream) partials.push(partial);
    expect(partials.length).toBeGreaterThan(1);
    expect(partials).toContainEqual({ name: 'Emmy ' });
    expect(await result.object).toEqual({ name: 'Emmy Noether', born: 1882 });
    expect(lastRequest(server).body).toMatchObject({
      stream: true,
      response_format: { type: 'json_schema' },
    });
  });
});

describe('generateText with Output.object', () => {
  it('returns the parsed output and sends the schema', async () => {
    server.chat({
      type: 'json',
      body: completion({ content: '{"name":"Marie Curie","born":1867}' }),
    });
    const result = await generateText({
      model: model(),
      output: Output.object({ schema: personSchema }),
      prompt: 'A chemist',
      maxRetries: 0,
    });
    expect(result.output).toEqual({ name: 'Marie Curie', born: 1867 });
    expect(lastRequest(server).body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: {
        schema: {
          type: 'object',
          properties: { name: { type: 'string' }, born: { type: 'number' } },
        },
      },
    });
  });

  it('streams the output with streamText', async () => {
    server.chat({ type: 'sse', events: textStream('{"name":"Lise Meitner",', '"born":1878}') });
    const result = streamText({
      model: model(),
      output: Output.object({ schema: personSchema }),
      prompt: 'A physicist',
      maxRetries: 0,
    });
    expect(await result.output).toEqual({ name: 'Lise Meitner', born: 1878 });
  });
});

describe('multi-step tool loop', () => {
  /** Checks what W&B received in step 2: the tool call, its reasoning, and the tool result. */
  function expectSecondStepReplaysTheToolCall(start: number, reasoning?: string) {
    const [step1, step2] = requestsSince(start);
    expect(step1.body.tools).toEqual([
      expect.objectContaining({
        type: 'function',
        function: expect.objectContaining({
          name: 'weather',
          description: 'Current weather in a city',
          parameters: expect.objectContaining({ properties: { city: { type: 'string' } } }),
        }),
      }),
    ]);
    const assistant = step2.body.messages.find(
      (message: { role: string }) => message.role === 'assistant',
    );
    expect(assistant).toMatchObject({
      content: null,
      tool_calls: [{ id: 'call_weather_1', type: 'function', function: { name: 'weather' } }],
    });
    expect(JSON.parse(assistant.tool_calls[0].function.arguments)).toEqual({ city: 'Paris' });
    if (reasoning != null) expect(assistant.reasoning_content).toBe(reasoning);
    const toolMessage = step2.body.messages.find(
      (message: { role: string }) => message.role === 'tool',
    );
    expect(toolMessage).toMatchObject({ role: 'tool', tool_call_id: 'call_weather_1' });
    expect(JSON.parse(toolMessage.content)).toEqual({
      city: 'Paris',
      temperature: 21,
      sky: 'sunny',
    });
    expect(step2.body.messages.map((message: { role: string }) => message.role)).toEqual([
      'user',
      'assistant',
      'tool',
    ]);
  }

  it('generateText calls the tool, sends the result back and returns the final answer', async () => {
    const start = server.requests.length;
    server.chat(
      {
        type: 'json',
        body: completion(
          {
            content: null,
            reasoning: 'I should look up the weather.',
            tool_calls: [
              {
                id: 'call_weather_1',
                type: 'function',
                function: { name: 'weather', arguments: '{"city":"Paris"}' },
              },
            ],
          },
          { finishReason: 'tool_calls' },
        ),
      },
      { type: 'json', body: completion({ content: 'It is sunny and 21°C in Paris.' }) },
    );
    const result = await generateText({
      model: model(),
      prompt: 'Weather in Paris?',
      tools: { weather },
      stopWhen: stepCountIs(3),
      maxRetries: 0,
    });
    expect(result.text).toBe('It is sunny and 21°C in Paris.');
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0].finishReason).toBe('tool-calls');
    expect(result.steps[0].toolResults[0].output).toEqual({
      city: 'Paris',
      temperature: 21,
      sky: 'sunny',
    });
    expect(requestsSince(start)).toHaveLength(2);
    expectSecondStepReplaysTheToolCall(start, 'I should look up the weather.');
  });

  it('streamText calls the tool from streamed deltas, sends the result back and streams the final answer', async () => {
    const start = server.requests.length;
    server.chat(
      {
        type: 'sse',
        events: [
          chunk({ role: 'assistant', content: null }),
          toolDelta({
            index: 0,
            id: 'call_weather_1',
            type: 'function',
            function: { name: 'weather', arguments: '' },
          }),
          toolDelta({ index: 0, function: { arguments: '{"city"' } }),
          toolDelta({ index: 0, function: { arguments: ':"Paris"}' } }),
          chunk({}, 'tool_calls'),
          usageChunk(),
        ],
      },
      { type: 'sse', events: textStream('It is sunny ', 'in Paris.') },
    );
    const result = streamText({
      model: model(),
      prompt: 'Weather in Paris?',
      tools: { weather },
      stopWhen: stepCountIs(3),
      maxRetries: 0,
    });
    expect(await result.text).toBe('It is sunny in Paris.');
    const steps = await result.steps;
    expect(steps).toHaveLength(2);
    expect(steps[0].toolCalls[0]).toMatchObject({ toolName: 'weather', input: { city: 'Paris' } });
    expect(requestsSince(start)).toHaveLength(2);
    expect(requestsSince(start).every(request => request.body.stream === true)).toBe(true);
    expectSecondStepReplaysTheToolCall(start);
  });

  it('stops at the step limit', async () => {
    const start = server.requests.length;
    const callAgain = {
      type: 'json',
      body: completion(
        {
          content: null,
          tool_calls: [
            {
              id: 'call_weather_1',
              type: 'function',
              function: { name: 'weather', arguments: '{"city":"Paris"}' },
            },
          ],
        },
        { finishReason: 'tool_calls' },
      ),
    } as const;
    server.chat(callAgain, { ...callAgain, body: { ...callAgain.body, id: 'chatcmpl-2' } });
    const result = await generateText({
      model: model(),
      prompt: 'Weather in Paris?',
      tools: { weather },
      stopWhen: stepCountIs(2),
      maxRetries: 0,
    });
    expect(result.steps).toHaveLength(2);
    expect(requestsSince(start)).toHaveLength(2);
  });
});
