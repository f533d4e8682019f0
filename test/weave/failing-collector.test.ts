/**
 * A collector that fails (500), refuses connections, or hangs never fails, delays or changes the
 * AI call, and is reported once through OpenTelemetry's diagnostics. Real ai@7 + @ai-sdk/otel +
 * the real exporter; the behaviour is asserted through the order of events, not timings.
 */
import { once } from 'node:events';
import { createServer } from 'node:net';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import { generateText } from 'ai';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { registerWeaveTracing, type WeaveTracing } from '../../src/weave/index';
import { MODEL_ID } from '../helpers';
import { providerFor } from '../support/fake-wandb';
import { startOtlpReceiver, type OtlpReceiver } from './otlp-receiver';
import {
  WEAVE_KEY,
  WEAVE_PROJECT,
  answer,
  startFakeWandbServer,
  type FakeWandbServer,
} from './weave-fixtures';

let server: FakeWandbServer;
let receiver: OtlpReceiver;
let tracing: WeaveTracing | undefined;
let diagnostics: string[] = [];

beforeAll(async () => {
  server = await startFakeWandbServer();
  receiver = await startOtlpReceiver();
  diag.setLogger(
    {
      error: message => diagnostics.push(message),
      warn: message => diagnostics.push(message),
      info: () => {},
      debug: () => {},
      verbose: () => {},
    },
    DiagLogLevel.WARN,
  );
});
beforeEach(() => {
  diagnostics = [];
  receiver.requests.length = 0;
});
afterEach(async () => {
  receiver.setMode({ type: 'ok' });
  receiver.release();
  await tracing?.shutdown();
  tracing = undefined;
});
afterAll(async () => {
  diag.disable();
  await receiver.close();
  await server.close();
});

const register = (baseURL: string) => {
  tracing = registerWeaveTracing({ project: WEAVE_PROJECT, apiKey: WEAVE_KEY, baseURL });
  return tracing;
};

async function call(prompt: string): Promise<string> {
  server.chat(answer(`answer to ${prompt}`));
  const result = await generateText({ model: providerFor(server)(MODEL_ID), prompt });
  return result.text;
}

it('a collector answering 500: the calls succeed, flushes resolve, one diagnostic without the key', async () => {
  receiver.setMode({ type: 'status', status: 500 });
  const weave = register(receiver.baseURL);

  expect(await call('one')).toBe('answer to one');
  await weave.forceFlush();
  expect(await call('two')).toBe('answer to two');
  await weave.forceFlush();

  expect(receiver.requests).toHaveLength(2);
  expect(diagnostics).toHaveLength(1);
  expect(diagnostics[0]).toContain(`${receiver.baseURL}/otel/v1/traces`);
  expect(diagnostics[0]).toContain('The AI calls are not affected');
  expect(diagnostics.join('\n')).not.toContain(WEAVE_KEY);
});

it('a collector that hangs: later calls finish while an export is still waiting for it', async () => {
  receiver.setMode({ type: 'hold' });
  const weave = register(receiver.baseURL);
  const events: string[] = [];

  await call('one');
  const flushed = weave.forceFlush().then(() => events.push('export finished'));
  await receiver.requestsArrived(1);
  events.push('export waiting at the collector');
  expect(await call('two')).toBe('answer to two');
  events.push('second call finished');
  receiver.release();
  await flushed;

  expect(events).toEqual([
    'export waiting at the collector',
    'second call finished',
    'export finished',
  ]);
  expect(diagnostics).toEqual([]);
});

it('refused connections: the call finishes while the exporter is still retrying, then one diagnostic', async () => {
  const closedPort = await portWithNothingListening();
  const weave = register(`http://127.0.0.1:${closedPort}`);
  const events: string[] = [];

  await call('one');
  const flushed = weave.forceFlush().then(() => events.push('exporter gave up'));
  expect(await call('two')).toBe('answer to two');
  events.push(`second call finished, ${diagnostics.length} diagnostics so far`);
  await flushed;

  expect(events).toEqual(['second call finished, 0 diagnostics so far', 'exporter gave up']);
  expect(diagnostics).toHaveLength(1);
  expect(diagnostics[0]).toContain(`127.0.0.1:${closedPort}/otel/v1/traces`);
  expect(diagnostics[0]).not.toContain(WEAVE_KEY);
}, 30_000);

async function portWithNothingListening(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}
