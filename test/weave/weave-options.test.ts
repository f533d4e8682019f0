/** The options of registerWeaveTracing / createWeaveTracer: defaults and the errors at registration. */
import { InvalidArgumentError } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWeaveTracer, withWeaveThread } from '../../src/weave/index';
import { resolveWeaveOptions } from '../../src/weave/weave-tracing-options';
import { errorFrom } from '../helpers';
import { startOtlpReceiver, type OtlpReceiver } from './otlp-receiver';
import { WEAVE_KEY } from './weave-fixtures';

const resolve = (options: unknown) => resolveWeaveOptions(options, 'createWeaveTracer');

describe('options', () => {
  it("defaults: the environment's project and key, trace.wandb.ai, the traces view, recording on", () => {
    vi.stubEnv('WANDB_ENTITY', 'team');
    vi.stubEnv('WANDB_PROJECT', 'proj');
    vi.stubEnv('WANDB_API_KEY', WEAVE_KEY);
    expect(resolve(undefined)).toEqual({
      entity: 'team',
      project: 'proj',
      apiKey: WEAVE_KEY,
      tracesURL: 'https://trace.wandb.ai/otel/v1/traces',
      recordInputs: true,
      recordOutputs: true,
      serviceName: 'wandb-ai-provider',
    });
  });

  it("agents view, a dedicated instance's base URL, OTEL_SERVICE_NAME", () => {
    vi.stubEnv('OTEL_SERVICE_NAME', 'checkout');
    const resolved = resolve({
      project: 'a/b',
      apiKey: 'k',
      baseURL: 'https://acme.wandb.io/traces/',
      view: 'agents',
      recordOutputs: false,
    });
    expect(resolved.tracesURL).toBe('https://acme.wandb.io/traces/agents/otel/v1/traces');
    expect(resolved.serviceName).toBe('checkout');
    expect(resolved.recordOutputs).toBe(false);
  });

  it.each([
    [{ apiKey: 'k' }, 'project', /WANDB_ENTITY and WANDB_PROJECT/],
    [{ project: 'team/project' }, 'apiKey', /WANDB_API_KEY/],
    [{ project: 'team', apiKey: 'k' }, 'project', /'team\/project'/],
    [{ project: 'a/b', apiKey: 'k', baseURL: 'trace.wandb.ai' }, 'baseURL', /baseURL/],
    [{ project: 'a/b', apiKey: 'k', baseURL: 'https://u:p@host' }, 'baseURL', /user name/],
    [{ project: 'a/b', apiKey: 'k', view: 'calls' }, 'view', /'traces' or 'agents'/],
    [{ project: 'a/b', apiKey: 'k', recordInputs: 'no' }, 'recordInputs', /boolean/],
    [{ project: 'a/b', apiKey: 'k', endpoint: 'x' }, 'endpoint', /no option "endpoint"/],
    [{ project: 'a/b', apiKey: 'line\nbreak' }, 'apiKey', /line break/],
  ])('%j → InvalidArgumentError naming %s', async (options, argument, message) => {
    const error = await errorFrom(() => createWeaveTracer(options as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe(argument);
    expect((error as Error).message).toMatch(message);
  });

  it('never quotes the key in an error', async () => {
    const error = await errorFrom(() => createWeaveTracer({ project: 'oops', apiKey: WEAVE_KEY }));
    expect(JSON.stringify(error)).not.toContain(WEAVE_KEY);
    expect(String((error as Error).stack)).not.toContain(WEAVE_KEY);
  });

  it('withWeaveThread needs a thread id and a function', async () => {
    expect(await errorFrom(() => withWeaveThread('', () => 1))).toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(await errorFrom(() => withWeaveThread('t', 1 as never))).toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(withWeaveThread('t', () => 42)).toBe(42);
  });
});

describe('headers', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it("sends the key in wandb-api-key only, never the app's OTEL_EXPORTER_OTLP_HEADERS", async () => {
    vi.stubEnv('OTEL_EXPORTER_OTLP_HEADERS', 'x-honeycomb-team=other-secret');
    vi.stubEnv('OTEL_EXPORTER_OTLP_TRACES_HEADERS', 'authorization=Bearer other-secret');
    const weave = createWeaveTracer({
      project: 'a/b',
      apiKey: WEAVE_KEY,
      baseURL: receiver.baseURL,
    });
    // The variables are back for the app's own exporters.
    expect(process.env.OTEL_EXPORTER_OTLP_HEADERS).toBe('x-honeycomb-team=other-secret');
    weave.tracer.startSpan('one').end();
    await weave.shutdown();

    const [request] = receiver.requests;
    expect(request.headers['wandb-api-key']).toBe(WEAVE_KEY);
    expect(request.headers['x-honeycomb-team']).toBeUndefined();
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body.includes(WEAVE_KEY)).toBe(false);
  });
});
