import {
  UnsupportedFunctionalityError,
  type LanguageModelV4Prompt,
  type LanguageModelV4ToolResultOutput,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { convertToWandbMessages } from '../../src/chat/convert-to-wandb-messages';

/** The first 16 bytes of a real PNG file (signature + IHDR chunk header). */
const PNG_BYTES = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
const PNG_BASE64 = Buffer.from(PNG_BYTES).toString('base64');

/** Calls the converter and returns what it threw (fails the test if it did not throw). */
function thrownBy(prompt: LanguageModelV4Prompt): unknown {
  try {
    convertToWandbMessages(prompt);
  } catch (error) {
    return error;
  }
  throw new Error('expected convertToWandbMessages to throw');
}

describe('convertToWandbMessages', () => {
  it('returns an empty array for an empty prompt', () => {
    expect(convertToWandbMessages([])).toStrictEqual([]);
  });

  describe('system messages', () => {
    it('keeps the system role and content (never "developer")', () => {
      expect(convertToWandbMessages([{ role: 'system', content: 'Be terse.' }])).toStrictEqual([
        { role: 'system', content: 'Be terse.' },
      ]);
    });

    it('keeps several system messages in order', () => {
      expect(
        convertToWandbMessages([
          { role: 'system', content: 'one' },
          { role: 'user', content: [{ type: 'text', text: 'hi' }] },
          { role: 'system', content: 'two' },
        ]),
      ).toStrictEqual([
        { role: 'system', content: 'one' },
        { role: 'user', content: 'hi' },
        { role: 'system', content: 'two' },
      ]);
    });
  });

  describe('user messages', () => {
    it('sends a single text part as a plain string', () => {
      expect(
        convertToWandbMessages([
          { role: 'user', content: [{ type: 'text', text: 'Hello there' }] },
        ]),
      ).toStrictEqual([{ role: 'user', content: 'Hello there' }]);
    });

    it('sends an empty single text part as an empty string', () => {
      expect(
        convertToWandbMessages([{ role: 'user', content: [{ type: 'text', text: '' }] }]),
      ).toStrictEqual([{ role: 'user', content: '' }]);
    });

    it('sends several text parts as an array of text parts, in order', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'user',
            content: [
              { type: 'text', text: 'first' },
              { type: 'text', text: 'second' },
            ],
          },
        ]),
      ).toStrictEqual([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'first' },
            { type: 'text', text: 'second' },
          ],
        },
      ]);
    });

    it('sends a lone image part as an array (only lone text collapses to a string)', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'user',
            content: [
              {
                type: 'file',
                mediaType: 'image/png',
                data: { type: 'url', url: new URL('https://example.com/a.png') },
              },
            ],
          },
        ]),
      ).toStrictEqual([
        {
          role: 'user',
          content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }],
        },
      ]);
    });

    it('turns image bytes (Uint8Array) into a base64 data URL with the given media type', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'file', mediaType: 'image/png', data: { type: 'data', data: PNG_BYTES } },
            ],
          },
        ]),
      ).toStrictEqual([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
          ],
        },
      ]);
    });

    it('uses a base64 string as is in the data URL', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'user',
            content: [
              { type: 'text', text: 'x' },
              { type: 'file', mediaType: 'image/jpeg', data: { type: 'data', data: 'AAECAw==' } },
            ],
          },
        ]),
      ).toStrictEqual([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'x' },
            { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,AAECAw==' } },
          ],
        },
      ]);
    });

    it('auto-detects image/png from the bytes when the media type is just "image"', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'user',
            content: [
              { type: 'file', mediaType: 'image', data: { type: 'data', data: PNG_BYTES } },
            ],
          },
        ]),
      ).toStrictEqual([
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
          ],
        },
      ]);
    });

    it('auto-detects image/png from a base64 string when the media type is "image/*"', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'user',
            content: [
              { type: 'file', mediaType: 'image/*', data: { type: 'data', data: PNG_BASE64 } },
            ],
          },
        ]),
      ).toStrictEqual([
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
          ],
        },
      ]);
    });

    it('throws UnsupportedFunctionalityError for "image" bytes whose type cannot be detected', () => {
      const error = thrownBy([
        {
          role: 'user',
          content: [
            {
              type: 'file',
              mediaType: 'image',
              data: { type: 'data', data: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) },
            },
          ],
        },
      ]);
      expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    });

    it('passes an image URL through as the url string', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Describe' },
              {
                type: 'file',
                mediaType: 'image/jpeg',
                data: { type: 'url', url: new URL('https://cdn.example.com/cat.jpg?size=large') },
              },
            ],
          },
        ]),
      ).toStrictEqual([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe' },
            { type: 'image_url', image_url: { url: 'https://cdn.example.com/cat.jpg?size=large' } },
          ],
        },
      ]);
    });

    it.each([
      [
        'application/pdf',
        { type: 'data' as const, data: new Uint8Array([0x25, 0x50, 0x44, 0x46]) },
      ],
      ['audio/wav', { type: 'data' as const, data: 'UklGRg==' }],
      ['text/plain', { type: 'url' as const, url: new URL('https://example.com/a.txt') }],
      ['video/mp4', { type: 'url' as const, url: new URL('https://example.com/a.mp4') }],
    ])(
      'rejects a %s file with UnsupportedFunctionalityError naming the media type',
      (mediaType, data) => {
        const error = thrownBy([
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Read this' },
              { type: 'file', mediaType, data },
            ],
          },
        ]);
        expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
        expect((error as Error).message).toContain(mediaType);
        expect((error as UnsupportedFunctionalityError).functionality).toContain(mediaType);
      },
    );

    it.each(['reference', 'text'] as const)('rejects an image given as a provider %s', kind => {
      const error = thrownBy([
        {
          role: 'user',
          content: [
            {
              type: 'file',
              mediaType: 'image/png',
              data:
                kind === 'reference'
                  ? { type: 'reference', reference: { wandb: 'file-1' } }
                  : { type: 'text', text: 'abc' },
            },
          ],
        },
      ]);
      expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain(kind);
    });
  });

  describe('assistant messages', () => {
    it('sends text as content', () => {
      expect(
        convertToWandbMessages([{ role: 'assistant', content: [{ type: 'text', text: 'Hi!' }] }]),
      ).toStrictEqual([{ role: 'assistant', content: 'Hi!' }]);
    });

    it('concatenates several text parts', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'assistant',
            content: [
              { type: 'text', text: 'Hello, ' },
              { type: 'text', text: 'world' },
            ],
          },
        ]),
      ).toStrictEqual([{ role: 'assistant', content: 'Hello, world' }]);
    });

    it('sends an empty assistant message as content "" (not null)', () => {
      expect(convertToWandbMessages([{ role: 'assistant', content: [] }])).toStrictEqual([
        { role: 'assistant', content: '' },
      ]);
    });

    it('sends reasoning back as reasoning and reasoning_content, concatenated', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'assistant',
            content: [
              { type: 'reasoning', text: 'Let me think. ' },
              { type: 'reasoning', text: 'Done.' },
              { type: 'text', text: 'Answer: 4' },
            ],
          },
        ]),
      ).toStrictEqual([
        {
          role: 'assistant',
          content: 'Answer: 4',
          reasoning: 'Let me think. Done.',
          reasoning_content: 'Let me think. Done.',
        },
      ]);
    });

    it('omits reasoning and reasoning_content when reasoning is empty', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'assistant',
            content: [
              { type: 'reasoning', text: '' },
              { type: 'text', text: 'ok' },
            ],
          },
        ]),
      ).toStrictEqual([{ role: 'assistant', content: 'ok' }]);
    });

    it('sends tool calls only → content null, JSON-stringified input', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'assistant',
            content: [
              {
                type: 'tool-call',
                toolCallId: 'call_1',
                toolName: 'weather',
                input: { city: 'Paris' },
              },
              {
                type: 'tool-call',
                toolCallId: 'call_2',
                toolName: 'time',
                input: { tz: 'UTC', nested: [1, { a: true }] },
              },
            ],
          },
        ]),
      ).toStrictEqual([
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'weather', arguments: '{"city":"Paris"}' },
            },
            {
              id: 'call_2',
              type: 'function',
              function: { name: 'time', arguments: '{"tz":"UTC","nested":[1,{"a":true}]}' },
            },
          ],
        },
      ]);
    });

    it('passes a string tool input through verbatim and sends undefined input as "{}"', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'assistant',
            content: [
              { type: 'tool-call', toolCallId: 'a', toolName: 'raw', input: '{"x": 1}' },
              { type: 'tool-call', toolCallId: 'b', toolName: 'none', input: undefined },
            ],
          },
        ]),
      ).toStrictEqual([
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'a', type: 'function', function: { name: 'raw', arguments: '{"x": 1}' } },
            { id: 'b', type: 'function', function: { name: 'none', arguments: '{}' } },
          ],
        },
      ]);
    });

    it('keeps text content (not null) when the turn has text and tool calls', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'assistant',
            content: [
              { type: 'text', text: 'Checking.' },
              {
                type: 'tool-call',
                toolCallId: 'call_1',
                toolName: 'weather',
                input: { city: 'Rome' },
              },
            ],
          },
        ]),
      ).toStrictEqual([
        {
          role: 'assistant',
          content: 'Checking.',
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'weather', arguments: '{"city":"Rome"}' },
            },
          ],
        },
      ]);
    });

    it('sends reasoning, null content and tool calls together on a reasoning tool-call turn', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'assistant',
            content: [
              { type: 'reasoning', text: 'Need the weather.' },
              { type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input: {} },
            ],
          },
        ]),
      ).toStrictEqual([
        {
          role: 'assistant',
          content: null,
          reasoning: 'Need the weather.',
          reasoning_content: 'Need the weather.',
          tool_calls: [
            { id: 'c1', type: 'function', function: { name: 'weather', arguments: '{}' } },
          ],
        },
      ]);
    });

    it("leaves out other providers' opaque parts (custom, reasoning-file) with a warning each", () => {
      const warnings: SharedV4Warning[] = [];
      expect(
        convertToWandbMessages(
          [
            {
              role: 'assistant',
              content: [
                { type: 'custom', kind: 'openai.encrypted' },
                {
                  type: 'reasoning-file',
                  mediaType: 'image/png',
                  data: { type: 'data', data: PNG_BYTES },
                },
                { type: 'text', text: 'visible' },
              ],
            },
          ],
          warnings,
        ),
      ).toStrictEqual([{ role: 'assistant', content: 'visible' }]);
      expect(
        warnings.map(warning => warning.type === 'unsupported' && warning.feature),
      ).toStrictEqual(['assistant custom parts', 'assistant reasoning-file parts']);
    });

    it('rejects a file in an assistant message, naming the media type', () => {
      const error = thrownBy([
        {
          role: 'assistant',
          content: [
            { type: 'file', mediaType: 'image/png', data: { type: 'data', data: PNG_BYTES } },
          ],
        },
      ]);
      expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('image/png');
    });

    it('rejects a provider-executed tool result in an assistant message', () => {
      const error = thrownBy([
        {
          role: 'assistant',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'ws_1',
              toolName: 'web_search',
              output: { type: 'text', value: 'x' },
            },
          ],
        },
      ]);
      expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('ws_1');
    });
  });

  describe('tool messages', () => {
    function toolMessage(output: LanguageModelV4ToolResultOutput) {
      return convertToWandbMessages([
        {
          role: 'tool',
          content: [{ type: 'tool-result', toolCallId: 'call_9', toolName: 'weather', output }],
        },
      ]);
    }

    it('sends text output as is', () => {
      expect(toolMessage({ type: 'text', value: 'Sunny, 21°C' })).toStrictEqual([
        { role: 'tool', tool_call_id: 'call_9', content: 'Sunny, 21°C' },
      ]);
    });

    it('sends json output as a JSON string', () => {
      expect(
        toolMessage({ type: 'json', value: { temp: 21, tags: ['sunny'], ok: true, none: null } }),
      ).toStrictEqual([
        {
          role: 'tool',
          tool_call_id: 'call_9',
          content: '{"temp":21,"tags":["sunny"],"ok":true,"none":null}',
        },
      ]);
    });

    it('sends a json string value JSON-encoded (quoted)', () => {
      expect(toolMessage({ type: 'json', value: 'plain' })).toStrictEqual([
        { role: 'tool', tool_call_id: 'call_9', content: '"plain"' },
      ]);
    });

    it('sends error-text output as is', () => {
      expect(toolMessage({ type: 'error-text', value: 'City not found' })).toStrictEqual([
        { role: 'tool', tool_call_id: 'call_9', content: 'City not found' },
      ]);
    });

    it('sends error-json output as a JSON string', () => {
      expect(
        toolMessage({ type: 'error-json', value: { error: 'timeout', retryAfter: 3 } }),
      ).toStrictEqual([
        { role: 'tool', tool_call_id: 'call_9', content: '{"error":"timeout","retryAfter":3}' },
      ]);
    });

    it('sends execution-denied with its reason', () => {
      expect(toolMessage({ type: 'execution-denied', reason: 'User said no' })).toStrictEqual([
        { role: 'tool', tool_call_id: 'call_9', content: 'User said no' },
      ]);
    });

    it('sends execution-denied without a reason as a default sentence', () => {
      expect(toolMessage({ type: 'execution-denied' })).toStrictEqual([
        { role: 'tool', tool_call_id: 'call_9', content: 'The tool execution was denied.' },
      ]);
    });

    it('joins the text items of content output (custom items left out with a warning)', () => {
      const warnings: SharedV4Warning[] = [];
      const output: LanguageModelV4ToolResultOutput = {
        type: 'content',
        value: [
          { type: 'text', text: 'line 1\n' },
          { type: 'custom' },
          { type: 'text', text: 'line 2' },
        ],
      };
      expect(
        convertToWandbMessages(
          [
            {
              role: 'tool',
              content: [{ type: 'tool-result', toolCallId: 'call_9', toolName: 'weather', output }],
            },
          ],
          warnings,
        ),
      ).toStrictEqual([{ role: 'tool', tool_call_id: 'call_9', content: 'line 1\nline 2' }]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({
        type: 'unsupported',
        feature: 'custom tool result content',
      });
    });

    it('rejects a file in content output, naming the media type', () => {
      const error = thrownBy([
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'c',
              toolName: 'screenshot',
              output: {
                type: 'content',
                value: [
                  { type: 'file', mediaType: 'image/webp', data: { type: 'data', data: 'AAAA' } },
                ],
              },
            },
          ],
        },
      ]);
      expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('image/webp');
    });

    it('emits one tool message per result, in order, and ignores tool-approval-response parts', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'tool',
            content: [
              { type: 'tool-approval-response', approvalId: 'ap_1', approved: true },
              {
                type: 'tool-result',
                toolCallId: 'a',
                toolName: 't',
                output: { type: 'text', value: '1' },
              },
              { type: 'tool-approval-response', approvalId: 'ap_2', approved: false, reason: 'no' },
              {
                type: 'tool-result',
                toolCallId: 'b',
                toolName: 't',
                output: { type: 'text', value: '2' },
              },
            ],
          },
        ]),
      ).toStrictEqual([
        { role: 'tool', tool_call_id: 'a', content: '1' },
        { role: 'tool', tool_call_id: 'b', content: '2' },
      ]);
    });

    it('emits nothing for a tool message holding only approval responses', () => {
      expect(
        convertToWandbMessages([
          {
            role: 'tool',
            content: [{ type: 'tool-approval-response', approvalId: 'ap_1', approved: true }],
          },
        ]),
      ).toStrictEqual([]);
    });
  });

  it('converts a full multi-turn tool conversation', () => {
    expect(
      convertToWandbMessages([
        { role: 'system', content: 'You are helpful.' },
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'Call the tool.' },
            {
              type: 'tool-call',
              toolCallId: 'call_1',
              toolName: 'weather',
              input: { city: 'Paris' },
            },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'call_1',
              toolName: 'weather',
              output: { type: 'json', value: { temp: 18 } },
            },
          ],
        },
        { role: 'assistant', content: [{ type: 'text', text: 'It is 18°C.' }] },
      ]),
    ).toStrictEqual([
      { role: 'system', content: 'You are helpful.' },
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: null,
        reasoning: 'Call the tool.',
        reasoning_content: 'Call the tool.',
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Paris"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temp":18}' },
      { role: 'assistant', content: 'It is 18°C.' },
    ]);
  });
});
