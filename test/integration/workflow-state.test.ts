/**
 * Durable workflows: the chat model's WORKFLOW_SERIALIZE / WORKFLOW_DESERIALIZE round trip, then a
 * real `ai@7` call with the restored model against the fake W&B server.
 */
import { InvalidArgumentError, LoadAPIKeyError } from '@ai-sdk/provider';
import { WORKFLOW_DESERIALIZE, WORKFLOW_SERIALIZE } from '@ai-sdk/provider-utils';
import { generateText, streamText } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import { WandbChatLanguageModel } from '../../src/chat/wandb-chat-language-model';
import { completion, textStream } from '../support/wire';
import { providerFor, useFakeWandbServer } from '../support/fake-wandb';
import { headerOf, lastRequest } from '../helpers';

const server = useFakeWandbServer();

const SECRET = 'wandb-secret-key-0123456789';
const MODEL = 'zai-org/GLM-5.3-Flash';

/** What a workflow runtime does at a step boundary: the class's static pair, with bytes in between. */
function roundTrip(model: unknown): { bytes: string; restored: WandbChatLanguageModel } {
  const state = WandbChatLanguageModel[WORKFLOW_SERIALIZE](model as WandbChatLanguageModel);
  const bytes = JSON.stringify(state);
  return { bytes, restored: WandbChatLanguageModel[WORKFLOW_DESERIALIZE](JSON.parse(bytes)) };
}

describe('the workflow state of a chat model', () => {
  it('is plain data with the model id, base URL, project and non-secret settings, never the key', () => {
    const model = providerFor(server, {
      apiKey: SECRET,
      project: 'team/project',
      includeUsage: false,
      headers: {
        'X-Trace': 'trace-1',
        Authorization: `Bearer ${SECRET}`,
        'X-Proxy-Token': 'proxy-secret',
        'X-Forwarded-Key': `k=${SECRET}`,
      },
    })(MODEL);
    const { bytes } = roundTrip(model);
    expect(JSON.parse(bytes)).toEqual({
      format: 'wandb-chat-model/1',
      modelId: MODEL,
      baseURL: server.baseURL,
      project: 'team/project',
      headers: { 'X-Trace': 'trace-1' },
      includeUsage: false,
      notTravelled: { headers: ['Authorization', 'X-Proxy-Token', 'X-Forwarded-Key'] },
    });
    expect(bytes).not.toContain(SECRET);
    expect(bytes).not.toContain('proxy-secret');
  });

  it('keeps the name setting, so the restored model reads its options under the same key', async () => {
    const model = providerFor(server, { apiKey: SECRET, name: 'my-wandb' })(MODEL);
    const { bytes, restored } = roundTrip(model);
    expect(JSON.parse(bytes).name).toBe('my-wandb');
    expect(restored.provider).toBe('my-wandb.chat');

    vi.stubEnv('WANDB_API_KEY', SECRET);
    server.chat({ type: 'json', body: completion({ content: 'resumed' }) });
    await generateText({
      model: restored,
      prompt: 'Hi',
      providerOptions: { 'my-wandb': { cacheSalt: 'tenant-7' } },
    });
    expect(lastRequest(server).body.cache_salt).toBe('tenant-7');
  });

  it('refuses a stored name that is not a provider options key', () => {
    const state = JSON.parse(roundTrip(providerFor(server, { apiKey: SECRET })(MODEL)).bytes);
    expect(() =>
      WandbChatLanguageModel[WORKFLOW_DESERIALIZE]({ ...state, name: 'my wandb' }),
    ).toThrow(InvalidArgumentError);
  });

  it('leaves out a header that carries the WANDB_API_KEY of the serializing environment', () => {
    vi.stubEnv('WANDB_API_KEY', SECRET);
    const model = providerFor(server, { apiKey: undefined, headers: { 'X-Copy': SECRET } })(MODEL);
    const { bytes } = roundTrip(model);
    expect(bytes).not.toContain(SECRET);
    expect(JSON.parse(bytes).notTravelled).toEqual({ headers: ['X-Copy'] });
  });

  it('after restoring, reads the key from WANDB_API_KEY at request time and sends the travelled settings', async () => {
    const model = providerFor(server, {
      apiKey: SECRET,
      project: 'team/project',
      headers: { 'X-Trace': 'trace-1' },
    })(MODEL);
    const { restored } = roundTrip(model);

    vi.stubEnv('WANDB_API_KEY', 'key-where-the-workflow-resumes');
    server.chat({ type: 'json', body: completion({ content: 'resumed' }) });
    const result = await generateText({ model: restored, prompt: 'Hi', reasoning: 'medium' });

    expect(result.text).toBe('resumed');
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'compatibility', feature: 'reasoning' }),
    ]);
    const request = lastRequest(server);
    expect(headerOf(request, 'authorization')).toBe('Bearer key-where-the-workflow-resumes');
    expect(headerOf(request, 'openai-project')).toBe('team/project');
    expect(headerOf(request, 'x-trace')).toBe('trace-1');
    // The catalog applies to the restored model too: GLM lists low/high/max.
    expect(request.body).toMatchObject({ model: MODEL, reasoning_effort: 'low' });
    expect(restored.provider).toBe('wandb.chat');
  });

  it('streams with the restored model as well', async () => {
    const { restored } = roundTrip(providerFor(server)(MODEL));
    vi.stubEnv('WANDB_API_KEY', 'key-b');
    server.chat({ type: 'sse', events: textStream('a', 'b') });
    const result = streamText({ model: restored, prompt: 'Hi' });
    expect(await result.text).toBe('ab');
    expect(headerOf(lastRequest(server), 'authorization')).toBe('Bearer key-b');
    expect(lastRequest(server).body.stream_options).toEqual({ include_usage: true });
  });

  it('without WANDB_API_KEY where it resumes, fails with LoadAPIKeyError saying where to set it', async () => {
    const { restored } = roundTrip(providerFor(server, { apiKey: SECRET })(MODEL));
    const requestsBefore = server.requests.length;
    const error = await generateText({ model: restored, prompt: 'Hi' }).catch(caught => caught);
    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/restored from a durable workflow state.*WANDB_API_KEY/);
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('drops a custom fetch (a function cannot be stored) and says so on every call', async () => {
    const customFetch = vi.fn(fetch);
    const { bytes, restored } = roundTrip(providerFor(server, { fetch: customFetch })(MODEL));
    expect(JSON.parse(bytes).notTravelled).toEqual({ fetch: true });

    vi.stubEnv('WANDB_API_KEY', 'key-c');
    server.chat({ type: 'json', body: completion({ content: 'ok' }) });
    const result = await generateText({ model: restored, prompt: 'Hi' });
    expect(customFetch).not.toHaveBeenCalled();
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message: expect.stringMatching(
          /restored from a durable workflow state without the custom fetch/,
        ),
      },
    ]);
  });

  it('without baseURL and project settings, restored models read WANDB_BASE_URL and WANDB_ENTITY/WANDB_PROJECT where they run', async () => {
    const model = providerFor(server, { baseURL: undefined })('openai/gpt-oss-20b');
    const { bytes, restored } = roundTrip(model);
    expect(JSON.parse(bytes)).toEqual({
      format: 'wandb-chat-model/1',
      modelId: 'openai/gpt-oss-20b',
      includeUsage: true,
    });
    vi.stubEnv('WANDB_API_KEY', 'key-d');
    vi.stubEnv('WANDB_BASE_URL', server.baseURL);
    vi.stubEnv('WANDB_ENTITY', 'team');
    vi.stubEnv('WANDB_PROJECT', 'resumed');
    server.chat({ type: 'json', body: completion({ content: 'ok' }) });
    await generateText({ model: restored, prompt: 'Hi' });
    expect(headerOf(lastRequest(server), 'openai-project')).toBe('team/resumed');
  });

  it.each([
    [null, /state is not an object/],
    [{ format: 'wandb-chat-model/0', modelId: MODEL }, /format is "wandb-chat-model\/0"/],
    [{ format: 'wandb-chat-model/1', modelId: '' }, /model id must be a non-empty string/],
    [
      { format: 'wandb-chat-model/1', modelId: MODEL, baseURL: 'ftp://x' },
      /workflow state baseURL/,
    ],
    [
      { format: 'wandb-chat-model/1', modelId: MODEL, headers: { 'X-A': 1 } },
      /workflow state headers\.X-A/,
    ],
    [
      { format: 'wandb-chat-model/1', modelId: MODEL, notTravelled: { headers: 'Authorization' } },
      /notTravelled\.headers is not a list/,
    ],
  ])(
    'refuses a malformed state %j with an InvalidArgumentError naming the field',
    (state, message) => {
      const error = (() => {
        try {
          WandbChatLanguageModel[WORKFLOW_DESERIALIZE](state);
        } catch (caught) {
          return caught;
        }
      })();
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(message);
    },
  );
});
