import { describe, expect, it } from 'vitest';
import { parseStreamJson } from '../../src/chat/parse-stream-json';

describe('parseStreamJson', () => {
  it('parses an ordinary chunk', () => {
    expect(parseStreamJson('{"choices":[{"delta":{"content":"Hi"}}]}')).toStrictEqual({
      choices: [{ delta: { content: 'Hi' } }],
    });
  });

  it('parses text that merely mentions the guarded words in values', () => {
    expect(parseStreamJson('{"content":"a constructor and __proto__ in prose"}')).toStrictEqual({
      content: 'a constructor and __proto__ in prose',
    });
    expect(parseStreamJson('{"content":"the prototype of a protocol"}')).toStrictEqual({
      content: 'the prototype of a protocol',
    });
  });

  it('rejects a __proto__ key, written out or as \\u escapes', () => {
    expect(() => parseStreamJson('{"a":{"__proto__":{"polluted":true}}}')).toThrow();
    expect(() => parseStreamJson('{"a":{"\\u005f_proto__":{"polluted":true}}}')).toThrow();
  });

  it('rejects constructor.prototype keys', () => {
    expect(() => parseStreamJson('{"constructor":{"prototype":{"polluted":true}}}')).toThrow();
    expect(() =>
      parseStreamJson('{"a":{"constructor":{"\\u0070rototype":{"polluted":true}}}}'),
    ).toThrow();
  });

  it('keeps non-ASCII text sent as \\u escapes', () => {
    expect(parseStreamJson('{"content":"caf\\u00e9"}')).toStrictEqual({ content: 'café' });
  });

  it('throws on malformed JSON', () => {
    expect(() => parseStreamJson('{"content":')).toThrow(SyntaxError);
  });
});
