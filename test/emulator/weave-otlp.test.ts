/**
 * The emulator's Weave endpoints accept the real exporter's OTLP protobuf posts and count their
 * spans (checked against a full protobuf decode), and refuse what Weave refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWandbEmulator, type WandbEmulator } from '../../src/emulator/wandb-emulator';
import { createWeaveTracer } from '../../src/weave/index';
import { decodeSpans } from '../weave/otlp-receiver';

let emulator: WandbEmulator;
const posts: Array<{ spans: number; path: string }> = [];

beforeAll(async () => {
  emulator = await startWandbEmulator({ onSpans: received => posts.push(received) });
});
afterAll(async () => {
  await emulator.close();
});

const origin = () => new URL(emulator.baseURL).origin;

async function post(path: string, body: Uint8Array, headers: Record<string, string>) {
  return fetch(`${origin()}${path}`, { method: 'POST', body: Buffer.from(body), headers });
}

describe('emulator: Weave OTLP endpoints', () => {
  it.each(['traces', 'agents'] as const)(
    'counts the spans of the exporter’s posts (%s view)',
    async view => {
      posts.length = 0;
      const before = emulator.spansReceived();
      const weave = createWeaveTracer({ project: 'a/b', apiKey: 'k', baseURL: origin(), view });
      const parent = weave.tracer.startSpan('parent');
      for (let index = 0; index < 4; index++) weave.tracer.startSpan(`child ${index}`).end();
      parent.end();
      await weave.shutdown();

      expect(posts).toEqual([
        { spans: 5, path: view === 'agents' ? '/agents/otel/v1/traces' : '/otel/v1/traces' },
      ]);
      expect(emulator.spansReceived() - before).toBe(5);
    },
  );

  it('its count agrees with a full protobuf decode of the same bytes', async () => {
    // The bytes the real exporter produced, captured by a bare server, then posted to the emulator.
    const captured: Uint8Array[] = [];
    const server = await import('node:http').then(http =>
      http.createServer(async (request, response) => {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        captured.push(Buffer.concat(chunks));
        response.writeHead(200).end();
      }),
    );
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const weave = createWeaveTracer({
      project: 'a/b',
      apiKey: 'k',
      baseURL: `http://127.0.0.1:${port}`,
    });
    for (let index = 0; index < 7; index++) {
      const span = weave.tracer.startSpan(`span ${index}`, {
        attributes: { index, text: 'é'.repeat(300) },
      });
      span.addEvent('event', { index });
      span.end();
    }
    await weave.shutdown();
    server.close();

    posts.length = 0;
    const response = await post('/otel/v1/traces', captured[0], {
      'content-type': 'application/x-protobuf',
      'wandb-api-key': 'k',
    });
    expect(response.status).toBe(200);
    expect(posts).toEqual([{ spans: decodeSpans(captured[0]).length, path: '/otel/v1/traces' }]);
    expect(posts[0].spans).toBe(7);
  });

  it.each([
    ['no wandb-api-key', { 'content-type': 'application/x-protobuf' }, new Uint8Array(), 401],
    [
      'JSON instead of protobuf',
      { 'content-type': 'application/json', 'wandb-api-key': 'k' },
      new Uint8Array(),
      415,
    ],
    [
      'a body that is not OTLP',
      { 'content-type': 'application/x-protobuf', 'wandb-api-key': 'k' },
      new Uint8Array([0x0a, 0x05, 0x01]),
      400,
    ],
  ])('refuses %s', async (_title, headers, body, status) => {
    const response = await post('/otel/v1/traces', body, headers);
    expect(response.status).toBe(status);
  });
});
