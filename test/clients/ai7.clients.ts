/**
 * ai@7 itself and the tools that wrap it, run from a temp project holding ai@7, LangSmith, the
 * AI SDK devtools and the tarball: ai's composition helpers, LangSmith's `wrapAISDK` tracing to
 * a loopback endpoint, and the devtools middleware recording to its local file.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runProgram } from './run-program.ts';
import { scriptedAnswer, THINKING } from './scripted-answers.ts';
import {
  type FakeWandbServer,
  type RecordedRequest,
  startFakeWandbServer,
} from './wandb-server.ts';

const HELLO = 'Hello from the fake W&B server.';
let server: FakeWandbServer;
const chatBodies = (requests: RecordedRequest[]) =>
  requests.filter(request => request.path === '/v1/chat/completions').map(request => request.body);

beforeAll(async () => {
  server = await startFakeWandbServer({
    // Everything but W&B's routes is the loopback LangSmith endpoint, which accepts all.
    unscripted: request =>
      request.path.startsWith('/v1/') ? scriptedAnswer(request) : { type: 'json', body: {} },
  });
});
afterAll(() => server?.close());

const env = () => ({ WANDB_API_KEY: 'ai7-test-key', WANDB_BASE_URL: server.baseURL });

describe("ai@7's composition helpers", () => {
  let run: Awaited<ReturnType<typeof runProgram>>;
  let bodies: any[];
  beforeAll(async () => {
    const before = server.requests.length;
    run = await runProgram(inject('projects').ai7, 'ai7-composition.mjs', env());
    bodies = chatBodies(server.requests.slice(before));
  });

  it('createProviderRegistry resolves `wandb:<model>`', () => {
    expect(run.output.fromRegistry).toEqual({ text: HELLO, modelId: 'openai/gpt-oss-120b' });
    expect(bodies[0]).toMatchObject({ model: 'openai/gpt-oss-120b' });
  });

  it('an instance made with `name: "acme"` reads providerOptions.acme', () => {
    expect(run.output.fromNamedInstance).toBe(HELLO);
    expect(bodies[1]).toMatchObject({ model: 'openai/gpt-oss-20b', reasoning_effort: 'high' });
  });

  it('customProvider serves an alias (with defaultSettingsMiddleware) and falls back to the provider', () => {
    expect(run.output.fromAlias).toBe(HELLO);
    expect(bodies[2]).toMatchObject({
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      temperature: 0.3,
      max_tokens: 64,
      reasoning_effort: 'low',
    });
    expect(run.output.fromFallback).toBe(HELLO);
    expect(bodies[3]).toMatchObject({ model: 'Qwen/Qwen3.6-35B-A3B' });
  });

  it('extractReasoningMiddleware splits <think> tags into reasoning', () => {
    expect(run.output.reasoning).toEqual({ text: 'The answer is 4.', reasoningText: THINKING });
  });

  it('simulateStreamingMiddleware streams a non-streaming call', () => {
    expect(run.output.simulated.text).toBe(HELLO);
    expect(run.output.simulated.parts).toEqual(
      expect.arrayContaining(['text-start', 'text-delta', 'text-end', 'finish']),
    );
    expect(bodies[5].stream).toBeUndefined();
    expect(bodies[5].messages.at(-1)).toEqual({ role: 'user', content: 'Say hello, simulated' });
  });

  it('makes no connection beyond loopback', () => {
    expect(run.egress).toEqual([]);
  });
});

describe("LangSmith's wrapAISDK and the AI SDK devtools", () => {
  let run: Awaited<ReturnType<typeof runProgram>>;
  let requests: RecordedRequest[];
  const project = () => inject('projects').ai7;
  beforeAll(async () => {
    rmSync(join(project(), '.devtools'), { recursive: true, force: true });
    const before = server.requests.length;
    run = await runProgram(project(), 'ai7-tracing.mjs', {
      ...env(),
      LANGSMITH_TRACING: 'true',
      LANGSMITH_ENDPOINT: new URL(server.baseURL).origin,
      // The devtools viewer is not running; the middleware's notice goes to loopback and fails.
      AI_SDK_DEVTOOLS_PORT: '9',
    });
    requests = server.requests.slice(before);
  });

  it('wrapAISDK traces generateText and streamText to the LangSmith endpoint', () => {
    expect(run.output.traced).toBe(HELLO);
    expect(run.output.tracedStream).toBe(HELLO);
    const [generated, streamed] = chatBodies(requests);
    expect([generated.stream, streamed.stream]).toEqual([undefined, true]);
    const traces = requests.filter(request => request.path.startsWith('/runs'));
    expect(traces.length).toBeGreaterThan(0);
    const traced = traces.map(request => request.bodyText).join('\n');
    expect(traced).toContain(HELLO);
    expect(traced).toContain('openai/gpt-oss-120b');
    expect(traced).not.toContain('ai7-test-key');
  });

  it('devToolsMiddleware records the call in .devtools/generations.json', () => {
    expect(run.output.inspected).toBe(HELLO);
    const file = join(project(), '.devtools/generations.json');
    expect(existsSync(file)).toBe(true);
    const db = JSON.parse(readFileSync(file, 'utf8'));
    const step = db.steps.at(-1);
    expect(step.error).toBeNull();
    expect(step.provider).toBe('wandb.chat');
    expect(step.model_id).toBe('openai/gpt-oss-120b');
    expect(JSON.stringify(step.output)).toContain(HELLO);
  });

  it('makes no connection beyond loopback', () => {
    expect(run.egress).toEqual([]);
  });
});
