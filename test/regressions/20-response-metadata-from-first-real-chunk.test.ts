// docs/wandb-wire-format.md, recurring bug 20.
// Gateways and content filters put a chunk with placeholders first: Azure OpenAI's prompt-filter chunk
// `{"id":"","choices":[],"created":0,"model":"","object":"","prompt_filter_results":[…]}`
// (https://github.com/AbanteAI/archive-old-cli-mentat/issues/429,
// https://github.com/Azure/azure-sdk-for-go/issues/21086, https://github.com/microsoft/autogen/issues/6465),
// relayed as it is by OpenAI-compatible proxies. The response's id, model and time must come from the
// first chunk that carries real values, not from that placeholder.
import { streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chunk,
  startFakeWandbServer,
  type FakeWandbServer,
  usageChunk,
} from '../fake-wandb-server';
import { MODEL_ID, partsOf, providerFor, readParts, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const placeholder = {
  id: '',
  object: 'chat.completion.chunk',
  created: 0,
  model: '',
  choices: [],
  prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }],
};
const real = { id: 'chatcmpl-real', model: 'moonshotai/Kimi-K2.6' };

describe('response metadata comes from the first chunk with real values', () => {
  it('doStream: the placeholder chunk does not fix id, model and timestamp', async () => {
    server.chat({
      type: 'sse',
      events: [
        placeholder,
        chunk({ role: 'assistant', content: 'Hi' }, null, real),
        chunk({}, 'stop', real),
        usageChunk(undefined, real),
      ],
    });
    const { stream } = await providerFor(server)(MODEL_ID).doStream({ prompt: userPrompt() });
    const metadata = partsOf(await readParts(stream), 'response-metadata');
    const merged = Object.assign({}, ...metadata.map(({ type, ...fields }) => fields));
    expect(merged).toEqual({
      id: 'chatcmpl-real',
      modelId: 'moonshotai/Kimi-K2.6',
      timestamp: new Date(1_764_000_000 * 1000),
    });
  });

  it('streamText: result.response has the real values', async () => {
    server.chat({
      type: 'sse',
      events: [placeholder, chunk({ content: 'Hi' }, null, real), chunk({}, 'stop', real)],
    });
    const result = streamText({ model: providerFor(server)(MODEL_ID), prompt: 'Hi' });
    const response = await result.response;
    expect(response.id).toBe('chatcmpl-real');
    expect(response.modelId).toBe('moonshotai/Kimi-K2.6');
    expect(response.timestamp).toEqual(new Date(1_764_000_000 * 1000));
  });

  it('id, model and time arriving in different chunks are each taken', async () => {
    server.chat({
      type: 'sse',
      events: [
        { ...chunk({ role: 'assistant' }), id: '', model: 'openai/gpt-oss-20b', created: 0 },
        { ...chunk({ content: 'Hi' }), id: 'chatcmpl-late' },
        chunk({}, 'stop', { id: 'chatcmpl-other', model: 'other/model' }),
      ],
    });
    const result = streamText({ model: providerFor(server)(MODEL_ID), prompt: 'Hi' });
    const response = await result.response;
    expect(response.id).toBe('chatcmpl-late');
    expect(response.modelId).toBe('openai/gpt-oss-20b');
    expect(response.timestamp).toEqual(new Date(1_764_000_000 * 1000));
  });
});
