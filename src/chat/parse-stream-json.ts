import { secureJsonParse } from '@ai-sdk/provider-utils';

/**
 * `JSON.parse` for one stream event, with the protection of `secureJsonParse` (no `__proto__` or
 * `constructor.prototype` keys that could poison an object the value is later merged into).
 *
 * `secureJsonParse` runs two regular expressions over every text, a large share of the work per
 * streamed chunk. Both keys it guards against contain "proto" (`__proto__`, `prototype`), unless
 * spelled with `\u` escapes, so two substring searches decide whether the full check is needed;
 * W&B's chunks rarely need it, and text that only mentions such words still parses, a bit slower.
 */
export function parseStreamJson(text: string): unknown {
  return text.includes('proto') || text.includes('\\u') ? secureJsonParse(text) : JSON.parse(text);
}
