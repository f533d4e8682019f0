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
