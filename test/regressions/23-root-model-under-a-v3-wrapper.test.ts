// docs/wandb-wire-format.md, recurring bug 23.
// opencode (ai@6) loads provider packages by name and calls their create function (its loader is
// quoted in https://github.com/anomalyco/opencode/issues/16338) and wraps the model with ai@6's
// `wrapLanguageModel`, which relabels it `v3` and forwards LanguageModelV3 prompts: file `data` as
// bare base64, bytes or URL, tool-result content as `image-data`, `file-data`, `file-url`, ….
// The root model must take them, and no error may quote a payload (an image, a tool's output).
import type { LanguageModelV3 } from '@ai-sdk/provider-v3';
import { generateText, streamText, wrapLanguageModel, type ModelMessage } from 'ai-v6';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completion,
  startFakeWandbServer,
  textStream,
  type FakeWandbServer,
} from '../fake-wandb-server';
import { MODEL_ID, describeError, errorFrom, lastRequest, providerFor } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

/** What opencode does with the root entry's model under ai@6: a middleware that edits params. */
const wrapped = () =>
  wrapLanguageModel({
    model: providerFor(server)(MODEL_ID) as unknown as LanguageModelV3,
    middleware: [{ specificationVersion: 'v3', transformParams: async ({ params }) => params }],
  });

// A 1×1 PNG.
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const toolTurn = (value: unknown): ModelMessage[] => [
  { role: 'user', content: 'Look it up.' },
  {
    role: 'assistant',
    content: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'fetch', input: {} }],
  },
  {
    role: 'tool',
    content: [
      {
        type: 'tool-result',
        toolCallId: 'call_1',
        toolName: 'fetch',
        output: { type: 'content', value } as never,
      },
    ],
  },
];

describe('the root model under ai@6 wrapLanguageModel (V3-shaped prompts)', () => {
  it('generateText with an image (base64) sends an image_url data URL', async () => {
    server.chat({ type: 'json', body: completion({ content: 'A dot.' }) });
    const { text } = await generateText({
      model: wrapped(),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image', image: PNG_BASE64, mediaType: 'image/png' },
          ],
        },
      ],
    });
    expect(text).toBe('A dot.');
    expect(lastRequest(server).body.messages[0].content[1]).toEqual({
      type: 'image_url',
      image_url: { url: `data:image/png;base64,${PNG_BASE64}` },
    });
  });

  it('streamText with image bytes and an image URL', async () => {
    server.chat({ type: 'sse', events: textStream('Two.') });
    const result = streamText({
      model: wrapped(),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', image: Buffer.from(PNG_BASE64, 'base64'), mediaType: 'image/png' },
            { type: 'image', image: new URL('https://example.com/cat.png') },
          ],
        },
      ],
    });
    expect(await result.text).toBe('Two.');
    expect(lastRequest(server).body.messages[0].content).toEqual([
      { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
    ]);
  });

  it('V3 tool-result content: text and a text file-data become the tool message text', async () => {
    server.chat({ type: 'json', body: completion({ content: 'Read it.' }) });
    await generateText({
      model: wrapped(),
      messages: toolTurn([
        { type: 'text', text: 'Result: ' },
        {
          type: 'file-data',
          data: Buffer.from('a,b\n1,2\n').toString('base64'),
          mediaType: 'text/csv',
        },
      ]),
    });
    expect(lastRequest(server).body.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content: 'Result: a,b\n1,2\n',
    });
  });

  it('V3 image-data in a tool result is refused by type, without quoting the image', async () => {
    const before = server.requests.length;
    const error = await errorFrom(() =>
      generateText({
        model: wrapped(),
        maxRetries: 0,
        messages: toolTurn([{ type: 'image-data', data: PNG_BASE64, mediaType: 'image/png' }]),
      }),
    );
    const described = describeError(error);
    expect(described).toContain('image/png');
    expect(described).not.toContain('iVBORw0KGgo');
    expect(server.requests.length).toBe(before);
  });

  it('a PDF given as bare base64 is refused by media type, without quoting it', async () => {
    const pdf = Buffer.from('%PDF-1.7 private').toString('base64');
    const error = await errorFrom(() =>
      generateText({
        model: wrapped(),
        maxRetries: 0,
        messages: [
          { role: 'user', content: [{ type: 'file', data: pdf, mediaType: 'application/pdf' }] },
        ],
      }),
    );
    const described = describeError(error);
    expect(described).toContain('application/pdf');
    expect(described).not.toContain(pdf);
  });

  it('a part of an unknown kind is named by its type, never quoted', async () => {
    const error = await errorFrom(() =>
      providerFor(server)(MODEL_ID).doGenerate({
        prompt: [
          { role: 'user', content: [{ type: 'audio-clip', data: 'SECRET-PAYLOAD' } as never] },
        ],
      }),
    );
    const described = describeError(error);
    expect(described).toContain("type 'audio-clip'");
    expect(described).not.toContain('SECRET-PAYLOAD');
  });
});
