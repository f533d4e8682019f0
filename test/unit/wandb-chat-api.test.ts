import { InvalidResponseDataError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { readChatChunk, readChatResponse } from '../../src/chat/wandb-chat-api';

/** Calls `read` and returns what it threw (fails the test if it did not throw). */
function thrownBy(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error('expected the reader to throw');
}

function expectInvalid(read: () => unknown, fieldPath: string): InvalidResponseDataError {
  const error = thrownBy(read);
  expect(InvalidResponseDataError.isInstance(error)).toBe(true);
  expect((error as Error).message).toContain(fieldPath);
  return error as InvalidResponseDataError;
}

function response(message: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { choices: [{ index: 0, message, finish_reason: 'stop' }], ...extra };
}

function chunk(
  delta: Record<string, unknown> | null,
  extra: Record<string, unknown> = {},
  choiceExtra: Record<string, unknown> = {},
) {
  return { choices: [{ index: 0, delta, ...choiceExtra }], ...extra };
}

describe('readChatResponse', () => {
  it('reads the documented example response', () => {
    const usage = { prompt_tokens: 25, completion_tokens: 50, total_tokens: 75 };
    expect(
      readChatResponse({
        id: 'chatcmpl-123',
        object: 'chat.completion',
        created: 1234567890,
        model: 'meta-llama/Llama-3.1-8B-Instruct',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: "Here's a joke for you..." },
            finish_reason: 'stop',
          },
        ],
        usage,
      }),
    ).toStrictEqual({
      id: 'chatcmpl-123',
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      created: 1234567890,
      content: "Here's a joke for you...",
      reasoning: undefined,
      toolCalls: [],
      finishReason: 'stop',
      usage: {
        prompt_tokens: 25,
        completion_tokens: 50,
        total_tokens: 75,
        cached_tokens: undefined,
        reasoning_tokens: undefined,
        raw: usage,
      },
    });
  });

  it('ignores unknown fields at every level', () => {
    const result = readChatResponse({
      choices: [
        {
          index: 0,
          logprobs: { content: [] },
          stop_reason: 128009,
          message: {
            role: 'assistant',
            content: 'ok',
            refusal: null,
            annotations: [],
            audio: null,
            function_call: null,
          },
          finish_reason: 'stop',
        },
      ],
      system_fingerprint: 'fp',
      prompt_logprobs: null,
      kv_transfer_params: null,
    });
    expect(result).toStrictEqual({
      id: undefined,
      model: undefined,
      created: undefined,
      content: 'ok',
      reasoning: undefined,
      toolCalls: [],
      finishReason: 'stop',
      usage: undefined,
    });
  });

  it('treats null fields as absent', () => {
    expect(
      readChatResponse({
        id: null,
        model: null,
        created: null,
        choices: [
          {
            message: { content: null, reasoning: null, reasoning_content: null, tool_calls: null },
            finish_reason: null,
          },
        ],
        usage: null,
      }),
    ).toStrictEqual({
      id: undefined,
      model: undefined,
      created: undefined,
      content: undefined,
      reasoning: undefined,
      toolCalls: [],
      finishReason: undefined,
      usage: undefined,
    });
  });

  it('reads reasoning from `reasoning` (current docs)', () => {
    expect(readChatResponse(response({ content: 'a', reasoning: 'thought' })).reasoning).toBe(
      'thought',
    );
  });

  it('reads reasoning from `reasoning_content` (older docs)', () => {
    expect(
      readChatResponse(response({ content: 'a', reasoning_content: 'old thought' })).reasoning,
    ).toBe('old thought');
  });

  it('prefers `reasoning` over `reasoning_content`, and falls back when `reasoning` is "" or null', () => {
    expect(
      readChatResponse(response({ reasoning: 'new', reasoning_content: 'old' })).reasoning,
    ).toBe('new');
    expect(readChatResponse(response({ reasoning: '', reasoning_content: 'old' })).reasoning).toBe(
      'old',
    );
    expect(
      readChatResponse(response({ reasoning: null, reasoning_content: 'old' })).reasoning,
    ).toBe('old');
  });

  it('treats "" reasoning as absent', () => {
    expect(
      readChatResponse(response({ content: 'a', reasoning: '', reasoning_content: '' })).reasoning,
    ).toBeUndefined();
  });

  it('keeps "" content as "" (content is not dropped)', () => {
    expect(readChatResponse(response({ content: '' })).content).toBe('');
  });

  it('reads tool calls, stringifying object arguments and defaulting missing ones to ""', () => {
    expect(
      readChatResponse(
        response({
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
              function: { name: 'time', arguments: { tz: 'UTC' } },
            },
            { type: 'function', function: { name: 'noargs' } },
            { id: null, function: { name: 'nullargs', arguments: null } },
          ],
        }),
      ).toolCalls,
    ).toStrictEqual([
      { id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' },
      { id: 'call_2', name: 'time', arguments: '{"tz":"UTC"}' },
      { id: undefined, name: 'noargs', arguments: '' },
      { id: undefined, name: 'nullargs', arguments: '' },
    ]);
  });

  it('reads usage details: cached and reasoning tokens', () => {
    const usage = {
      prompt_tokens: 100,
      completion_tokens: 40,
      total_tokens: 140,
      prompt_tokens_details: { cached_tokens: 64 },
      completion_tokens_details: { reasoning_tokens: 30 },
    };
    expect(readChatResponse(response({ content: 'x' }, { usage })).usage).toStrictEqual({
      prompt_tokens: 100,
      completion_tokens: 40,
      total_tokens: 140,
      cached_tokens: 64,
      reasoning_tokens: 30,
      raw: usage,
    });
  });

  it('keeps the raw usage object by identity', () => {
    const usage = { prompt_tokens: 1, extra: true };
    expect(readChatResponse(response({ content: 'x' }, { usage })).usage?.raw).toBe(usage);
  });

  it('turns negative, NaN, infinite and non-number token counts into undefined', () => {
    const usage = {
      prompt_tokens: -1,
      completion_tokens: Number.NaN,
      total_tokens: '75',
      prompt_tokens_details: { cached_tokens: Number.POSITIVE_INFINITY },
      completion_tokens_details: { reasoning_tokens: null },
    };
    expect(readChatResponse(response({ content: 'x' }, { usage })).usage).toStrictEqual({
      prompt_tokens: undefined,
      completion_tokens: undefined,
      total_tokens: undefined,
      cached_tokens: undefined,
      reasoning_tokens: undefined,
      raw: usage,
    });
  });

  it('ignores non-object usage and non-object details', () => {
    expect(readChatResponse(response({ content: 'x' }, { usage: 'lots' })).usage).toBeUndefined();
    expect(readChatResponse(response({ content: 'x' }, { usage: [1, 2] })).usage).toBeUndefined();
    expect(
      readChatResponse(
        response(
          { content: 'x' },
          { usage: { prompt_tokens: 3, prompt_tokens_details: 5, completion_tokens_details: 'y' } },
        ),
      ).usage,
    ).toMatchObject({ prompt_tokens: 3, cached_tokens: undefined, reasoning_tokens: undefined });
  });

  it('ignores a non-number created', () => {
    expect(
      readChatResponse(response({ content: 'x' }, { created: '2025-01-01' })).created,
    ).toBeUndefined();
  });

  describe('violations → InvalidResponseDataError naming the field', () => {
    it.each([
      ['a string body', 'oops', 'the response body'],
      ['a null body', null, 'the response body'],
      ['an array body', [], 'the response body'],
      ['missing choices', {}, 'choices'],
      ['choices not an array', { choices: {} }, 'choices'],
      ['empty choices', { choices: [] }, 'choices'],
      ['a non-object choice', { choices: ['x'] }, 'choices[0]'],
      ['a missing message', { choices: [{ finish_reason: 'stop' }] }, 'choices[0].message'],
      ['numeric content', response({ content: 42 }), 'choices[0].message.content'],
      ['object content', response({ content: { text: 'a' } }), 'choices[0].message.content'],
      ['numeric reasoning', response({ reasoning: 1 }), 'choices[0].message.reasoning'],
      [
        'numeric reasoning_content',
        response({ reasoning_content: 1 }),
        'choices[0].message.reasoning_content',
      ],
      ['tool_calls not an array', response({ tool_calls: {} }), 'choices[0].message.tool_calls'],
      [
        'a non-object tool call',
        response({ tool_calls: ['x'] }),
        'choices[0].message.tool_calls[0]',
      ],
      [
        'a tool call without function',
        response({ tool_calls: [{ id: 'a' }] }),
        'choices[0].message.tool_calls[0].function',
      ],
      [
        'a tool call without name',
        response({ tool_calls: [{ id: 'a', function: { arguments: '{}' } }] }),
        'choices[0].message.tool_calls[0].function.name',
      ],
      [
        'a tool call with an empty name',
        response({ tool_calls: [{ id: 'a', function: { name: '', arguments: '{}' } }] }),
        'choices[0].message.tool_calls[0].function.name',
      ],
      [
        'numeric arguments',
        response({ tool_calls: [{ id: 'a', function: { name: 'f', arguments: 5 } }] }),
        'choices[0].message.tool_calls[0].function.arguments',
      ],
      [
        'array arguments in the second call',
        response({
          tool_calls: [
            { id: 'a', function: { name: 'f', arguments: '{}' } },
            { id: 'b', function: { name: 'g', arguments: [1] } },
          ],
        }),
        'choices[0].message.tool_calls[1].function.arguments',
      ],
      [
        'a numeric tool call id',
        response({ tool_calls: [{ id: 7, function: { name: 'f' } }] }),
        'choices[0].message.tool_calls[0].id',
      ],
      [
        'a numeric finish_reason',
        { choices: [{ message: {}, finish_reason: 1 }] },
        'choices[0].finish_reason',
      ],
      ['a numeric id', response({ content: 'x' }, { id: 5 }), 'id'],
      ['a numeric model', response({ content: 'x' }, { model: 5 }), 'model'],
    ])('rejects %s', (_label, body, path) => {
      expectInvalid(() => readChatResponse(body), path);
    });

    it('says what it expected and what it got', () => {
      const error = expectInvalid(
        () => readChatResponse(response({ content: 42 })),
        'choices[0].message.content',
      );
      expect(error.message).toBe(
        'Invalid W&B response: choices[0].message.content should be a string, got a number.',
      );
      expect(error.data).toBe(42);
    });
  });
});

describe('readChatChunk', () => {
  /** Every chunk has every field (one shape for all chunks); these are the absent ones. */
  const ABSENT = {
    id: undefined,
    model: undefined,
    created: undefined,
    usage: undefined,
    finishReason: undefined,
    content: undefined,
    reasoning: undefined,
    toolCalls: undefined,
  };

  it('reads a content delta with its metadata', () => {
    expect(
      readChatChunk({
        id: 'chatcmpl-1',
        object: 'chat.completion.chunk',
        created: 1700000000,
        model: 'openai/gpt-oss-120b',
        choices: [
          {
            index: 0,
            delta: { role: 'assistant', content: 'Hel' },
            logprobs: null,
            finish_reason: null,
          },
        ],
      }),
    ).toStrictEqual({
      ...ABSENT,
      id: 'chatcmpl-1',
      model: 'openai/gpt-oss-120b',
      created: 1700000000,
      content: 'Hel',
    });
  });

  it('reads the trailing usage chunk with empty choices', () => {
    const usage = {
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 15,
      prompt_tokens_details: { cached_tokens: 2 },
      completion_tokens_details: { reasoning_tokens: 3 },
    };
    expect(readChatChunk({ id: 'c', choices: [], usage })).toStrictEqual({
      ...ABSENT,
      id: 'c',
      usage: {
        prompt_tokens: 10,
        completion_tokens: 5,
        total_tokens: 15,
        cached_tokens: 2,
        reasoning_tokens: 3,
        raw: usage,
      },
    });
  });

  it('reads a chunk without choices', () => {
    expect(readChatChunk({ usage: null })).toStrictEqual(ABSENT);
  });

  it('reads usage alongside a finishing choice', () => {
    const result = readChatChunk(
      chunk({}, { usage: { prompt_tokens: 1, completion_tokens: -2 } }, { finish_reason: 'stop' }),
    );
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toMatchObject({ prompt_tokens: 1, completion_tokens: undefined });
  });

  it('reads a finish_reason with a null or absent delta', () => {
    expect(
      readChatChunk({ choices: [{ index: 0, delta: null, finish_reason: 'length' }] }),
    ).toStrictEqual({
      ...ABSENT,
      finishReason: 'length',
    });
    expect(readChatChunk({ choices: [{ index: 0, finish_reason: 'stop' }] }).finishReason).toBe(
      'stop',
    );
  });

  it('reads only the first choice', () => {
    expect(
      readChatChunk({
        choices: [
          { index: 0, delta: { content: 'first' } },
          { index: 1, delta: { content: 42 } },
        ],
      }).content,
    ).toBe('first');
  });

  it('treats null delta fields as absent', () => {
    expect(
      readChatChunk(
        chunk({
          role: null,
          content: null,
          reasoning: null,
          reasoning_content: null,
          tool_calls: null,
        }),
      ),
    ).toStrictEqual(ABSENT);
  });

  it.each([
    [{ reasoning: 'r1' }, 'r1'],
    [{ reasoning_content: 'r2' }, 'r2'],
    [{ reasoning: 'new', reasoning_content: 'old' }, 'new'],
    [{ reasoning: '', reasoning_content: 'old' }, 'old'],
    [{ reasoning: '' }, undefined],
    [{ reasoning_content: '' }, undefined],
  ])('reads reasoning from %j as %j', (delta, expected) => {
    expect(readChatChunk(chunk(delta)).reasoning).toBe(expected);
  });

  it('reads tool-call deltas, keeping missing parts undefined and stringifying object arguments', () => {
    expect(
      readChatChunk(
        chunk({
          tool_calls: [
            {
              index: 0,
              id: 'call_1',
              type: 'function',
              function: { name: 'weather', arguments: '' },
            },
            { index: 1, function: { arguments: '{"ci' } },
            { id: 'call_3', function: { name: 'obj', arguments: { a: 1 } } },
            { index: 3 },
            { index: '4', id: null, type: null, function: { name: null, arguments: null } },
          ],
        }),
      ).toolCalls,
    ).toStrictEqual([
      { index: 0, id: 'call_1', type: 'function', function: { name: 'weather', arguments: '' } },
      { index: 1, function: { arguments: '{"ci' } },
      {
        index: undefined,
        id: 'call_3',
        type: undefined,
        function: { name: 'obj', arguments: '{"a":1}' },
      },
      { index: 3 },
      {
        index: undefined,
        id: undefined,
        type: undefined,
        function: { name: undefined, arguments: undefined },
      },
    ]);
  });

  it('uses a well-formed tool-call delta as it is, without a copy (the hot path)', () => {
    const delta = { index: 0, function: { arguments: '{"ci' } };
    expect(readChatChunk(chunk({ tool_calls: [delta] })).toolCalls?.[0]).toBe(delta);
  });

  it('returns an {error} chunk for {"error":{...}} and reads nothing else', () => {
    const error = { message: 'Engine overloaded', type: 'server_error', code: 503 };
    expect(
      readChatChunk({
        id: 'x',
        error,
        choices: [{ delta: { content: 'ignored' } }],
        usage: { prompt_tokens: 1 },
      }),
    ).toStrictEqual({ id: 'x', model: undefined, created: undefined, error });
  });

  it("returns vLLM's flat {object:'error'} chunk as the error", () => {
    const body = { object: 'error', message: 'Engine overloaded', type: 'server_error', code: 503 };
    expect(readChatChunk(body).error).toStrictEqual(body);
  });

  it('wraps a string error as {message}', () => {
    expect(readChatChunk({ error: 'boom' }).error).toStrictEqual({ message: 'boom' });
  });

  it('ignores a null error', () => {
    expect(readChatChunk({ error: null, choices: [{ delta: { content: 'a' } }] }).content).toBe(
      'a',
    );
  });

  describe('violations → InvalidResponseDataError naming the field', () => {
    it.each([
      ['a string chunk', '"hello"', 'the stream chunk'],
      ['a null chunk', null, 'the stream chunk'],
      ['an array chunk', [1], 'the stream chunk'],
      ['choices not an array', { choices: 'x' }, 'choices'],
      ['a non-object choice', { choices: [1] }, 'choices[0]'],
      ['a null choice', { choices: [null] }, 'choices[0]'],
      ['a string delta', chunk('x' as unknown as Record<string, unknown>), 'choices[0].delta'],
      ['numeric content', chunk({ content: 42 }), 'choices[0].delta.content'],
      ['array content', chunk({ content: ['a'] }), 'choices[0].delta.content'],
      ['numeric reasoning', chunk({ reasoning: 1 }), 'choices[0].delta.reasoning'],
      [
        'object reasoning_content',
        chunk({ reasoning_content: {} }),
        'choices[0].delta.reasoning_content',
      ],
      ['tool_calls not an array', chunk({ tool_calls: {} }), 'choices[0].delta.tool_calls'],
      ['a non-object tool call', chunk({ tool_calls: [null] }), 'choices[0].delta.tool_calls[0]'],
      [
        'a numeric tool call id',
        chunk({ tool_calls: [{ index: 0, id: 1 }] }),
        'choices[0].delta.tool_calls[0].id',
      ],
      [
        'a numeric tool call type',
        chunk({ tool_calls: [{ index: 0, type: 1 }] }),
        'choices[0].delta.tool_calls[0].type',
      ],
      [
        'a string function',
        chunk({ tool_calls: [{ index: 0, function: 'f' }] }),
        'choices[0].delta.tool_calls[0].function',
      ],
      [
        'a numeric name',
        chunk({ tool_calls: [{ index: 0, function: { name: 1 } }] }),
        'choices[0].delta.tool_calls[0].function.name',
      ],
      [
        'boolean arguments in the second call',
        chunk({ tool_calls: [{ index: 0 }, { index: 1, function: { arguments: true } }] }),
        'choices[0].delta.tool_calls[1].function.arguments',
      ],
      ['a numeric finish_reason', chunk({}, {}, { finish_reason: 0 }), 'choices[0].finish_reason'],
      ['a numeric id', { id: 1, choices: [] }, 'id'],
      ['an object model', { model: {}, choices: [] }, 'model'],
    ])('rejects %s', (_label, body, path) => {
      expectInvalid(() => readChatChunk(body), path);
    });

    it('says what it expected and what it got', () => {
      const error = expectInvalid(
        () => readChatChunk(chunk({ content: ['a'] })),
        'choices[0].delta.content',
      );
      expect(error.message).toBe(
        'Invalid W&B response: choices[0].delta.content should be a string, got an array.',
      );
    });
  });
});
