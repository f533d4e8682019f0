import { InvalidArgumentError } from '@ai-sdk/provider';
import { errorMessageOf } from '../error-message-parts';

/**
 * Fails with an InvalidArgumentError naming `argument` when `JSON.stringify` cannot write `value`
 * (a BigInt, a cycle), instead of a TypeError from deep inside the request. `what` starts the
 * message, e.g. 'The input schema of tool "lookup"'.
 */
export function assertSendableAsJson(value: unknown, argument: string, what: string): void {
  try {
    JSON.stringify(value);
  } catch (error) {
    throw new InvalidArgumentError({
      argument,
      message: `${what} cannot be sent as JSON (${errorMessageOf(error)}). Remove BigInt values and circular references.`,
      cause: error,
    });
  }
}
