// docs/wandb-wire-format.md, recurring bug 22.
// Chat UIs attach files as AI SDK file parts with their media type, and providers that take images
// only refuse them: https://github.com/vercel/ai/issues/7399 ("'file part media type text/plain'
// functionality not supported"), https://github.com/anomalyco/opencode/issues/34019 (text/markdown),
// https://github.com/different-ai/openwork/pull/3079 (text/xml, text/csv, application/json).
// Text files (`text/*`, JSON) must reach the model as text content; PDF, audio and video stay refused.
import { generateText, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completion,
  startFakeWandbServer,
  textStream,
  type FakeWandbServer,
} from '../fake-wandb-server';
import { MODEL_ID, errorFrom, lastRequest, providerFor } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const markdown = '# Notes\n\n- ünïcödé bullet\n';
const csv = 'city,temp\nParis,21\n';

describe('text file parts are inlined as text', () => {
  it('generateText: markdown bytes and a base64 CSV become text parts of the user message', async () => {
    server.chat({ type: 'json', body: completion({ content: 'Two files.' }) });
    const { text } = await generateText({
      model: providerFor(server)(MODEL_ID),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Summarise these.' },
            { type: 'file', mediaType: 'text/markdown', data: new TextEncoder().encode(markdown) },
            { type: 'file', mediaType: 'text/csv', data: Buffer.from(csv).toString('base64') },
          ],
        },
      ],
    });
    expect(text).toBe('Two files.');
    expect(lastRequest(server).body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Summarise these.' },
          { type: 'text', text: markdown },
          { type: 'text', text: csv },
        ],
      },
    ]);
  });

  it('streamText: a JSON file alone is sent as the message text', async () => {
    server.chat({ type: 'sse', events: textStream('ok') });
    const result = streamText({
      model: providerFor(server)(MODEL_ID),
      messages: [
        {
          role: 'user',
          content: [{ type: 'file', mediaType: 'application/json', data: Buffer.from('{"a":1}') }],
        },
      ],
    });
    expect(await result.text).toBe('ok');
    expect(lastRequest(server).body.messages[0].content).toBe('{"a":1}');
  });

  it('a PDF is still refused, naming the media type and not quoting the file', async () => {
    const before = server.requests.length;
    const pdf = Buffer.from('%PDF-1.7 secret contract text').toString('base64');
    const error = await errorFrom(() =>
      generateText({
        model: providerFor(server)(MODEL_ID),
        maxRetries: 0,
        messages: [
          { role: 'user', content: [{ type: 'file', mediaType: 'application/pdf', data: pdf }] },
        ],
      }),
    );
    expect(String((error as Error).message)).toContain('application/pdf');
    expect(JSON.stringify(error) + String(error)).not.toContain(pdf);
    expect(server.requests.length).toBe(before);
  });
});
