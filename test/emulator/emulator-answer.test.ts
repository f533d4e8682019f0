/**
 * The emulator's answer rules, request by request: which answer kind, and which tool gets called.
 */
import { describe, expect, it } from 'vitest';
import { chatAskOf, type WireChatRequest } from '../../src/emulator/chat-ask';
import { generatedAnswerFor } from '../../src/emulator/emulator-answer';

const tools: WireChatRequest['tools'] = [
  { type: 'function', function: { name: 'search', parameters: { type: 'object' } } },
  {
    type: 'function',
    function: {
      name: 'weather',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1, maximum: 3 } },
        required: ['city'],
      },
    },
  },
];

const answerTo = (prompt: string, extra: Partial<WireChatRequest> = {}) =>
  generatedAnswerFor(
    chatAskOf({ model: 'm', messages: [{ role: 'user', content: prompt }], ...extra }),
  );

describe('generatedAnswerFor', () => {
  it('calls the first offered tool that the prompt names, with arguments from its schema', () => {
    expect(answerTo('What does WEATHER say, then search?', { tools })).toMatchObject({
      kind: 'tool-calls',
      calls: [{ name: 'search', input: {} }],
    });
    expect(answerTo('Check the weather.', { tools })).toMatchObject({
      kind: 'tool-calls',
      calls: [{ name: 'weather', input: { city: 'city', days: 2 } }],
    });
  });

  it('matches tool names as whole words only', () => {
    expect(answerTo('What about weathervanes or research?', { tools }).kind).toBe('text');
  });

  it('follows tool_choice: a named function, required, none', () => {
    const named = answerTo('Hi', {
      tools,
      tool_choice: { type: 'function', function: { name: 'weather' } },
    });
    expect(named).toMatchObject({ calls: [{ name: 'weather' }] });
    expect(answerTo('Hi', { tools, tool_choice: 'required' })).toMatchObject({
      calls: [{ name: 'search' }],
    });
    expect(answerTo('Use weather', { tools, tool_choice: 'none' }).kind).toBe('text');
  });

  it('answers after tool results with each result, named by the call it answers', () => {
    const answer = generatedAnswerFor(
      chatAskOf({
        model: 'm',
        tools,
        messages: [
          { role: 'user', content: 'weather in Paris?' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'call-1', function: { name: 'weather' } }],
          },
          { role: 'tool', tool_call_id: 'call-1', content: '{"celsius":21}' },
        ],
      }),
    );
    expect(answer).toMatchObject({
      kind: 'text',
      text: 'From the tool results: weather returned {"celsius":21}.',
    });
  });

  it('builds JSON output from the schema, or an answer object for json_object', () => {
    expect(
      answerTo('Where?', {
        response_format: {
          type: 'json_schema',
          json_schema: { schema: { type: 'object', properties: { city: { type: 'string' } } } },
        },
      }),
    ).toMatchObject({ kind: 'object', object: { city: 'city' } });
    expect(answerTo('Where?', { response_format: { type: 'json_object' } })).toMatchObject({
      kind: 'object',
      object: { answer: expect.stringContaining('"Where?"') },
    });
  });

  it('quotes at most the first twelve words of the prompt, the same each time', () => {
    const prompt = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    const answer = answerTo(prompt);
    expect(answer).toEqual(answerTo(prompt));
    expect(answer).toMatchObject({
      kind: 'text',
      text: expect.stringContaining(
        '"one two three four five six seven eight nine ten eleven twelve …"',
      ),
    });
  });
});
