/**
 * The tests' one door to the fake W&B server: a suite asks for a server with `useFakeWandbServer()`
 * and for a provider pointed at it with `providerFor(server)`. No test imports the server's own
 * module, so moving it changes the imports here only.
 */
import { afterAll, beforeAll } from 'vitest';
import { createWandb, type WandbProvider, type WandbProviderSettings } from '../../src/index';
import {
  createWandb as createWandbV1,
  type WandbProvider as WandbProviderV1,
} from '../../src/v1/index';
import {
  createWandb as createWandbV2,
  type WandbProvider as WandbProviderV2,
} from '../../src/v2/index';
import {
  createWandb as createWandbV3,
  type WandbProvider as WandbProviderV3,
} from '../../src/v3/index';
import {
  type FakeWandbServer,
  startFakeWandbServer,
} from '../../src/emulator/scripted-wandb-server';
import { API_KEY } from '../helpers';

// The server's W&B answer builders are re-exported for `wire.ts`; tests take them from there.
export {
  type ChunkOrigin,
  chunk,
  completion,
  type FakeWandbServer,
  type RecordedRequest,
  type ScriptedReply,
  startFakeWandbServer,
  textStream,
  usageChunk,
} from '../../src/emulator/scripted-wandb-server';

/**
 * A fake server for the calling suite (or `describe` block): started before its first test, closed
 * after its last. The handle can be captured at once; it works from the first test on.
 */
export function useFakeWandbServer(): FakeWandbServer {
  let started: FakeWandbServer | undefined;
  beforeAll(async () => {
    started = await startFakeWandbServer();
  });
  afterAll(() => started?.close());
  const server = (): FakeWandbServer => {
    if (started == null)
      throw new Error('the fake W&B server starts in beforeAll; use it in a test');
    return started;
  };
  return {
    get baseURL() {
      return server().baseURL;
    },
    get requests() {
      return server().requests;
    },
    chat: (...replies) => server().chat(...replies),
    models: (...replies) => server().models(...replies),
    openSockets: () => server().openSockets(),
    openResponses: () => server().openResponses(),
    close: () => server().close(),
  };
}

/** The interface versions of the older entries (`/v1`, `/v2`, `/v3`); the root entry is V4. */
export type Face = 'v1' | 'v2' | 'v3';

/** Settings for an older entry's provider: `face` picks the entry. */
export type FaceSettings<F extends Face> = WandbProviderSettings & { face: F };

/** A provider pointed at the fake server with the test key; `settings` win. */
export function providerFor(
  server: FakeWandbServer,
  settings?: WandbProviderSettings,
): WandbProvider;
export function providerFor(server: FakeWandbServer, settings: FaceSettings<'v3'>): WandbProviderV3;
export function providerFor(server: FakeWandbServer, settings: FaceSettings<'v2'>): WandbProviderV2;
export function providerFor(server: FakeWandbServer, settings: FaceSettings<'v1'>): WandbProviderV1;
export function providerFor(
  server: FakeWandbServer,
  { face, ...settings }: WandbProviderSettings & { face?: Face } = {},
): WandbProvider | WandbProviderV3 | WandbProviderV2 | WandbProviderV1 {
  const pointed = settingsFor(server, settings);
  switch (face) {
    case undefined:
      return createWandb(pointed);
    case 'v3':
      return createWandbV3(pointed);
    case 'v2':
      return createWandbV2(pointed);
    case 'v1':
      return createWandbV1(pointed);
    default: {
      const exhaustive: never = face;
      throw new Error(`unknown face ${String(exhaustive)}`);
    }
  }
}

/** Provider settings pointing at the fake server with the test key; `settings` win. */
export function settingsFor(
  server: FakeWandbServer,
  settings: WandbProviderSettings = {},
): WandbProviderSettings {
  return { apiKey: API_KEY, baseURL: server.baseURL, ...settings };
}
