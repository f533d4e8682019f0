/*
 * Pieces of the messages of our errors, written the same way wherever a message needs them.
 */

/**
 * The kind of a wrong value ("a number", "an array", "null"), never the value itself: a misplaced
 * string may be a key or a header line.
 */
export function describeValueKind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The start of a long text W&B sent, enough to recognise it in a message. */
export function excerpt(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** The message of a thrown value, which need not be an `Error`. */
export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The error for a value that no case of an exhaustive `switch` handles: a part, role or output of
 * a newer (or older) interface version than the code knows. It names the value's kind, never the
 * value: a message part can hold a whole file, a tool's output or a secret.
 */
export function unknownValueError(what: string, value: unknown, field: 'type' | 'role' = 'type') {
  return new Error(`Unknown ${what}: ${describeKind(value, field)}.`);
}

function describeKind(value: unknown, field: string): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const kind = (value as Record<string, unknown>)[field];
  // A short identifier is the kind's name; anything else might be content.
  if (typeof kind === 'string' && /^[\w.:-]{1,64}$/.test(kind)) return `${field} '${kind}'`;
  return `an object without a known ${field}`;
}
