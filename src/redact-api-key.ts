/*
 * Keeping the API key out of everything a failed call hands back. A server or proxy may echo the
 * key (or the whole `Authorization` header) in a body, a header or an error event; whatever we
 * quote from a response passes through the request's redactor first.
 */

/** Masks a secret wherever it shows up in text W&B sent back (a server may echo the key). */
export type Redact = (text: string) => string;

/** A redactor for the API key of one request, taken from its `Authorization` header. */
export function createKeyRedactor(headers: Record<string, string | undefined>): Redact {
  const authorization = Object.entries(headers).find(
    ([name]) => name.toLowerCase() === 'authorization',
  )?.[1];
  const key = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : '';
  if (key.trim() === '') return text => text;
  return text => (text.includes(key) ? text.split(key).join('[REDACTED]') : text);
}

/** `redact` applied to every string inside a JSON value. */
export function redactJson(value: unknown, redact: Redact): unknown {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  const redacted = redact(text);
  return redacted === text ? value : JSON.parse(redacted);
}

/** `redact` applied to every header value: a proxy may echo the `Authorization` header back. */
export function redactHeaders(
  headers: Record<string, string>,
  redact: Redact,
): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) redacted[name] = redact(value);
  return redacted;
}
