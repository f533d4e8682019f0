// docs/wandb-wire-format.md, recurring bug 18: dexaai/openai-fetch#24 (crash at import on edge/browser because of `process`);
// vercel providers guard `typeof process` and run their tests under edge-runtime.
// Approximation: `process` is hidden while the module graph is imported and a request is made.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeWandbServer, textStream, type FakeWandbServer } from '../fake-wandb-server';
import { readParts, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('no `process` needed to import, construct or call (dexaai/openai-fetch#24)', () => {
  it('imports the provider fresh, creates a model and streams with `process` undefined', async () => {
    server.chat({ type: 'sse', events: textStream('edge', ' ok') });
    vi.resetModules();
    vi.stubGlobal('process', undefined);
    const { createWandb } = await import('../../src/index');
    const model = createWandb({ apiKey: 'test-key', baseURL: server.baseURL })(
      'openai/gpt-oss-120b',
    );
    const { stream } = await model.doStream({ prompt: userPrompt() });
    const parts = await readParts(stream);
    vi.unstubAllGlobals();

    expect(parts.flatMap(part => (part.type === 'text-delta' ? [part.delta] : [])).join('')).toBe(
      'edge ok',
    );
    expect(server.requests.at(-1)!.headers).not.toHaveProperty('openai-project');
  });
});
