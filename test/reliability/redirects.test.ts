/*
 * Fault class: redirects. A proxy or a moved endpoint may answer with a redirect to another
 * origin. The provider lets fetch follow it, so the key must not follow: fetch drops
 * `Authorization` when a redirect crosses origins, and these tests keep that promise checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completion,
  startFakeWandbServer,
  type FakeWandbServer,
} from '../../src/emulator/scripted-wandb-server';
import { MODEL_ID, callOptions, headerOf, lastRequest, providerFor } from '../helpers';
import { SECRET_KEY } from './no-secret';

let origin: FakeWandbServer;
let elsewhere: FakeWandbServer;
beforeAll(async () => {
  origin = await startFakeWandbServer();
  // Another port on 127.0.0.1 is another origin.
  elsewhere = await startFakeWandbServer();
});
afterAll(async () => {
  await origin.close();
  await elsewhere.close();
});

const redirectTo = (status: number, location: string) => ({
  type: 'text' as const,
  status,
  body: '',
  headers: { location },
});

describe('a redirect to another origin does not carry the API key', () => {
  it.each([307, 308])('POST /chat/completions answered with %i', async status => {
    origin.chat(redirectTo(status, `${elsewhere.baseURL}/chat/completions`));
    elsewhere.chat({ type: 'json', body: completion({ content: 'moved' }) });
    const result = await providerFor(origin, { apiKey: SECRET_KEY })(MODEL_ID).doGenerate(
      callOptions(),
    );
    expect(result.content).toEqual([{ type: 'text', text: 'moved' }]);
    expect(headerOf(lastRequest(elsewhere), 'authorization')).toBeUndefined();
    expect(lastRequest(elsewhere).bodyText).not.toContain(SECRET_KEY);
  });

  it.each([301, 302, 307])('GET /models answered with %i', async status => {
    origin.models(redirectTo(status, `${elsewhere.baseURL}/models`));
    elsewhere.models({
      type: 'json',
      body: { object: 'list', data: [{ id: 'openai/gpt-oss-120b' }] },
    });
    expect(await providerFor(origin, { apiKey: SECRET_KEY }).listModels()).toEqual([
      'openai/gpt-oss-120b',
    ]);
    expect(headerOf(lastRequest(elsewhere), 'authorization')).toBeUndefined();
  });

  it('control: the origin itself does receive the key', async () => {
    origin.chat({ type: 'json', body: completion({ content: 'here' }) });
    await providerFor(origin, { apiKey: SECRET_KEY })(MODEL_ID).doGenerate(callOptions());
    expect(headerOf(lastRequest(origin), 'authorization')).toBe(`Bearer ${SECRET_KEY}`);
  });
});
