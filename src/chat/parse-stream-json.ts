import { secureJsonParse } from '@ai-sdk/provider-utils';

/**
 * `JSON.parse` for one stream event, with the protection of `secureJsonParse` (no `__proto__` or
 * `constructor.prototype` keys that could poison an object the value is later merged into).
 *
 * `secureJsonParse` runs two regular expressions over every text, which cost a fifth of our
 * per-chunk time. A key can only spell `__proto__` or `constructor` if the text contains that
 * word or a `\u` escape, so three substring searches decide whether the full check is needed;
 * W&B's chunks never need it.
 */
export function parseStreamJson(text: string): unknown {
  const suspect = text.includes('__proto__') || text.includes('constructor') || text.includes('\\u');
  return suspect ? secureJsonParse(text) : JSON.parse(text);
}
