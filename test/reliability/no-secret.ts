/** The reliability suite's secret: a key that must never show up in anything a user can see. */
import { inspect } from 'node:util';
import { expect } from 'vitest';

export const SECRET_KEY = 'wandb_v1_RELIABILITY_7f3a9c1e5b_SECRET';
/** A distinctive middle piece, so that a truncated or partly masked key is caught too. */
const SECRET_PIECE = '7f3a9c1e5b';

/** Everything `value` exposes: message, stack, `String()`, `JSON.stringify`, and a deep inspect of all fields and causes. */
function everythingIn(value: unknown): string {
  const texts = [
    String(value),
    inspect(value, {
      depth: 30,
      showHidden: true,
      getters: true,
      maxStringLength: null,
      maxArrayLength: null,
    }),
  ];
  try {
    texts.push(JSON.stringify(value) ?? '');
  } catch (error) {
    texts.push(`JSON.stringify threw ${String(error)}`);
  }
  for (
    let cause = (value as { cause?: unknown } | null)?.cause, depth = 0;
    cause != null && depth < 10;
    depth++
  ) {
    texts.push(String(cause));
    try {
      texts.push(JSON.stringify(cause) ?? '');
    } catch {
      // inspect above already walked it
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return texts.join('\n');
}

/** Fails when the secret key (or a piece of it) appears anywhere in `value`. */
export function expectNoSecret(value: unknown, what = 'the value'): void {
  const text = everythingIn(value);
  const at = text.indexOf(SECRET_PIECE);
  expect(at, `${what} contains the API key: …${text.slice(Math.max(0, at - 300), at + 100)}…`).toBe(
    -1,
  );
}
