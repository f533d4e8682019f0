/**
 * The compatibility matrix: one scenario suite, run through the real ai@4, ai@5, ai@6 and ai@7
 * (installed side by side as npm aliases), each with the package entry meant for it, against the
 * fake W&B server over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chunk,
  completion,
  startFakeWandbServer,
  textStream,
  usageChunk,
  type FakeWandbServer,
} from '../../src/emulator/scripted-wandb-server';
import { API_KEY, MODEL_ID, errorFrom, headerOf, lastRequest, toolDelta } from '../helpers';
import { majors } from './majors/index';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(async () => {
  await server.close();
});

const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const weatherCall = (id: string) => ({
  type: 'json' as const,
  body: completion(
    {
      content: null,
      tool_calls: [
        { id, type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
      ],
    },
    { finishReason: 'tool_calls' },
  ),
});

describe.each(majors)('$name through $entry', major => {
  const model = () => major.model({ apiKey: API_KEY, baseURL: server.baseURL }, MODEL_ID);
  const requestsSince = (start: number) => server.requests.slice(start);

  it('gets models of its interface version', () => {
    expect((model() as { specificationVersion: string }).specificationVersion).toBe(
      major.specificationVersion,
    );
  });

  it('generateText: text, usage, finish reason and the request sent', async () => {
    server.chat({
      type: 'json',
      body: completion(
        { content: 'Hello from W&B' },
        { usage: { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 } },
      ),
    });
    const result = await major.generateText(model(), { prompt: 'Say hello' });
    expect(result).toMatchObject({
      text: 'Hello from W&B',
      usage: { input: 9, output: 4 },
      finishReason: 'stop',
      steps: 1,
    });
    const request = lastRequest(server);
    expect(request.body).toMatchObject({
      model: MODEL_ID,
      messages: [{ role: 'user', content: 'Say hello' }],
    });
    // ai@4 sends its documented default temperature 0; later majors send none.
    expect(request.body.temperature).toBe(major.name === 'ai@4' ? 0 : undefined);
    expect(headerOf(request, 'authorization')).toBe(`Bearer ${API_KEY}`);
    expect(headerOf(request, 'user-agent')).toContain('wandb-ai-provider/');
    if (major.userAgent) expect(headerOf(request, 'user-agent')).toContain(major.userAgent);
  });

  it('generateText: reasoning apart from the text', async () => {
    server.chat({
      type: 'json',
      body: completion({ reasoning: 'Two plus two is four.', content: '4' }),
    });
    const result = await major.generateText(model(), { prompt: '2+2?' });
    expect(result.text).toBe('4');
    expect(result.reasoning).toBe('Two plus two is four.');
  });

  it('streamText: text deltas, reasoning, usage and finish reason', async () => {
    server.chat({
      type: 'sse',
      events: [
        chunk({ role: 'assistant', reasoning: 'Hmm, ' }),
        chunk({ reasoning: 'a greeting.' }),
        chunk({ content: 'Hel' }),
        chunk({ content: 'lo ' }),
        chunk({ content: 'there' }),
        chunk({}, 'stop'),
        usageChunk({ prompt_tokens: 11, completion_tokens: 6, total_tokens: 17 }),
      ],
    });
    const result = await major.streamText(model(), { prompt: 'Say hello' });
    expect(result.deltas.join('')).toBe('Hello there');
    expect(result.deltas.length).toBeGreaterThan(1);
    expect(result).toMatchObject({
      text: 'Hello there',
      reasoning: 'Hmm, a greeting.',
      usage: { input: 11, output: 6 },
      finishReason: 'stop',
    });
    expect(lastRequest(server).body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('streamText: a mid-stream W&B error reaches onError and ends the stream', async () => {
    server.chat({
      type: 'sse',
      events: [
        chunk({ content: 'Hel' }),
        { error: { message: 'The engine is currently overloaded, please try again later' } },
      ],
    });
    const result = await major.streamText(model(), { prompt: 'Hi' });
    expect(result.deltas).toEqual(['Hel']);
    expect(result.errors).toHaveLength(1);
    expect(String((result.errors[0] as Error).message ?? result.errors[0])).toContain('overloaded');
    expect(result.finishReason).toBe('error');
  });

  it('generateText: a multi-step tool loop sends the tool result back', async () => {
    const start = server.requests.length;
    server.chat(weatherCall('call_1'), {
      type: 'json',
      body: completion({ content: 'Sunny, 21°C.' }),
    });
    const result = await major.generateText(model(), {
      prompt: 'Weather in Paris?',
      weatherTool: true,
    });
    expect(result).toMatchObject({
      text: 'Sunny, 21°C.',
      steps: 2,
      firstToolOutput: { city: 'Paris', celsius: 21 },
    });
    const [first, second] = requestsSince(start);
    expect(first.body.tools[0]).toMatchObject({
      type: 'function',
      function: { name: 'weather', parameters: { properties: { city: { type: 'string' } } } },
    });
    expect(second.body.messages.slice(1)).toMatchObject([
      {
        role: 'assistant',
        tool_calls: [
          { id: 'call_1', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1' },
    ]);
    expect(JSON.parse(second.body.messages[2].content)).toEqual({ city: 'Paris', celsius: 21 });
  });

  it('streamText: a multi-step tool loop from streamed tool-call deltas', async () => {
    const start = server.requests.length;
    server.chat(
      {
        type: 'sse',
        events: [
          chunk({ role: 'assistant', content: null }),
          toolDelta({
            index: 0,
            id: 'call_2',
            type: 'function',
            function: { name: 'weather', arguments: '' },
          }),
          toolDelta({ index: 0, function: { arguments: '{"city"' } }),
          toolDelta({ index: 0, function: { arguments: ':"Paris"}' } }),
          chunk({}, 'tool_calls'),
          usageChunk(),
        ],
      },
      { type: 'sse', events: textStream('Sunny ', 'in Paris.') },
    );
    const result = await major.streamText(model(), {
      prompt: 'Weather in Paris?',
      weatherTool: true,
    });
    expect(result).toMatchObject({
      text: 'Sunny in Paris.',
      steps: 2,
      firstToolOutput: { city: 'Paris', celsius: 21 },
    });
    const second = requestsSince(start)[1];
    expect(second.body.messages.map((message: { role: string }) => message.role)).toEqual([
      'user',
      'assistant',
      'tool',
    ]);
    expect(second.body.messages[2].tool_call_id).toBe('call_2');
  });

  it('generateObject: the schema goes as response_format json_schema', async () => {
    server.chat({
      type: 'json',
      body: completion({ content: '{"name":"Ada Lovelace","born":1815}' }),
    });
    expect(await major.generateObject(model(), { prompt: 'A mathematician' })).toEqual({
      name: 'Ada Lovelace',
      born: 1815,
    });
    const body = lastRequest(server).body;
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: {
        strict: true,
        schema: {
          type: 'object',
          properties: { name: { type: 'string' }, born: { type: 'number' } },
        },
      },
    });
    // The schema is enforced by W&B, so no major writes it into the prompt.
    expect(JSON.stringify(body.messages)).not.toContain('JSON schema');
  });

  it('streamObject: partial objects, then the object', async () => {
    server.chat({
      type: 'sse',
      events: textStream('{"name":', '"Emmy ', 'Noether",', '"born":18', '82}'),
    });
    const result = await major.streamObject(model(), { prompt: 'An algebraist' });
    expect(result.partials).toContainEqual({ name: 'Emmy ' });
    expect(result.object).toEqual({ name: 'Emmy Noether', born: 1882 });
    expect(lastRequest(server).body).toMatchObject({
      stream: true,
      response_format: { type: 'json_schema' },
    });
  });

  it("structured output through this major's Output.object", async () => {
    server.chat({
      type: 'json',
      body: completion({ content: '{"name":"Marie Curie","born":1867}' }),
    });
    expect(await major.generateOutput(model(), 'A chemist')).toEqual({
      name: 'Marie Curie',
      born: 1867,
    });
    expect(lastRequest(server).body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { schema: { type: 'object' } },
    });
  });

  it('image input: bytes become a data URL, an http URL is passed as it is', async () => {
    server.chat(
      { type: 'json', body: completion({ content: 'A tiny PNG.' }) },
      { type: 'json', body: completion({ content: 'A cat.' }) },
    );
    await major.generateText(model(), { prompt: 'What is this?', image: PNG_BYTES });
    expect(lastRequest(server).body.messages[0].content).toEqual([
      { type: 'text', text: 'What is this?' },
      {
        type: 'image_url',
        image_url: { url: `data:image/png;base64,${Buffer.from(PNG_BYTES).toString('base64')}` },
      },
    ]);
    // Not downloaded: the URL points nowhere reachable, so a download would fail the call.
    await major.generateText(model(), {
      prompt: 'And this?',
      image: new URL('https://images.invalid/cat.png'),
    });
    expect(lastRequest(server).body.messages[0].content[1]).toEqual({
      type: 'image_url',
      image_url: { url: 'https://images.invalid/cat.png' },
    });
  });

  it('provider options reach the request; an unknown one is refused by name', async () => {
    server.chat({ type: 'json', body: completion({ content: 'ok' }) });
    await major.generateText(model(), {
      providerOptions: {
        wandb: { enableThinking: false, cacheSalt: 'tenant-1', extraBody: { top_k: 40 } },
      },
    });
    expect(lastRequest(server).body).toMatchObject({
      chat_template_kwargs: { enable_thinking: false },
      cache_salt: 'tenant-1',
      top_k: 40,
    });

    const start = server.requests.length;
    const error = await errorFrom(() =>
      major.generateText(model(), { providerOptions: { wandb: { cacheSalty: 'x' } } }),
    );
    expect((error as Error).message).toContain('providerOptions.wandb.cacheSalty');
    expect(requestsSince(start)).toHaveLength(0);
  });

  it("warnings arrive in this major's form", async () => {
    server.chat(
      { type: 'json', body: completion({ content: 'ok' }) },
      { type: 'sse', events: textStream('ok') },
    );
    const expected =
      major.specificationVersion === 'v1' || major.specificationVersion === 'v2'
        ? { type: 'unsupported-setting', setting: 'topK' }
        : { type: 'unsupported', feature: 'topK' };
    expect((await major.generateText(model(), { topK: 40 })).warnings).toContainEqual(
      expect.objectContaining(expected),
    );
    expect((await major.streamText(model(), { topK: 40 })).warnings).toContainEqual(
      expect.objectContaining(expected),
    );
  });

  it("a W&B error is this major's APICallError, retried only when a retry can help", async () => {
    let start = server.requests.length;
    server.chat({
      type: 'json',
      status: 401,
      body: { error: { message: 'Authentication failed' } },
    });
    const error = await errorFrom(() => major.generateText(model(), { maxRetries: 2 }));
    expect(major.isAPICallError(error)).toBe(true);
    if (!major.isAPICallError(error)) return;
    expect(error.statusCode).toBe(401);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('Authentication failed');
    expect(error.message).not.toContain(API_KEY);
    expect(requestsSince(start)).toHaveLength(1);

    start = server.requests.length;
    server.chat(
      {
        type: 'json',
        status: 429,
        body: { error: { message: 'Concurrency limit reached for requests' } },
        headers: { 'retry-after-ms': '1' },
      },
      { type: 'json', body: completion({ content: 'second time lucky' }) },
    );
    expect((await major.generateText(model(), { maxRetries: 1 })).text).toBe('second time lucky');
    expect(requestsSince(start)).toHaveLength(2);
  });
});

// Object generation through a forced tool call exists in ai@4 only (`mode: 'tool'`).
describe.each(majors.filter(major => major.hasObjectToolMode))('$name object tool mode', major => {
  const model = () => major.model({ apiKey: API_KEY, baseURL: server.baseURL }, MODEL_ID);

  it('generateObject in tool mode: a forced tool call carries the object', async () => {
    server.chat({
      type: 'json',
      body: completion(
        {
          content: null,
          tool_calls: [
            {
              id: 'call_o',
              type: 'function',
              function: { name: 'json', arguments: '{"name":"Alan Turing","born":1912}' },
            },
          ],
        },
        { finishReason: 'tool_calls' },
      ),
    });
    expect(await major.generateObject(model(), { prompt: 'A logician', mode: 'tool' })).toEqual({
      name: 'Alan Turing',
      born: 1912,
    });
    const body = lastRequest(server).body;
    expect(body.tools).toMatchObject([
      {
        type: 'function',
        function: { name: 'json', parameters: { properties: { born: { type: 'number' } } } },
      },
    ]);
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'json' } });
    expect(body).not.toHaveProperty('response_format');
  });

  it('streamObject in tool mode: tool-call deltas become partial objects', async () => {
    server.chat({
      type: 'sse',
      events: [
        toolDelta({
          index: 0,
          id: 'call_s',
          type: 'function',
          function: { name: 'json', arguments: '' },
        }),
        toolDelta({ index: 0, function: { arguments: '{"name":"Grace ' } }),
        toolDelta({ index: 0, function: { arguments: 'Hopper","born":1906}' } }),
        chunk({}, 'tool_calls'),
        usageChunk(),
      ],
    });
    const result = await major.streamObject(model(), {
      prompt: 'A computer scientist',
      mode: 'tool',
    });
    expect(result.partials).toContainEqual({ name: 'Grace ' });
    expect(result.object).toEqual({ name: 'Grace Hopper', born: 1906 });
    expect(lastRequest(server).body.tool_choice).toEqual({
      type: 'function',
      function: { name: 'json' },
    });
  });
});
