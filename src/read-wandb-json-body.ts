import { InvalidResponseDataError } from '@ai-sdk/provider';
import {
  extractResponseHeaders,
  secureJsonParse,
  type ResponseHandler,
} from '@ai-sdk/provider-utils';
import { excerpt } from './error-message-parts';
import { type Redact, redactJson } from './redact-api-key';

/*
 * Successful JSON answers are read in two steps: the response handler only takes the text, and
 * `readWandbJsonBody` parses and checks it afterwards. Inside `postJsonToApi` / `getFromApi` our
 * InvalidResponseDataError would be wrapped into a vague "Invalid JSON response" that carries the
 * raw body, API key included when a server echoes it.
 */

export const textBodyHandler: ResponseHandler<string> = async ({ response }) => ({
  value: await response.text(),
  responseHeaders: extractResponseHeaders(response),
});

/** Parses `text` and checks it with `read`; any InvalidResponseDataError comes out with the API key masked. */
export function readWandbJsonBody<T>(
  text: string,
  redact: Redact,
  read: (value: unknown) => T,
): { rawValue: unknown; value: T } {
  let rawValue: unknown;
  try {
    rawValue = secureJsonParse(text);
  } catch {
    const shown = redact(text);
    throw new InvalidResponseDataError({
      data: shown,
      message: `Invalid W&B response: the body is not JSON: ${excerpt(shown)}`,
    });
  }
  try {
    return { rawValue, value: read(rawValue) };
  } catch (error) {
    if (!InvalidResponseDataError.isInstance(error)) throw error;
    throw new InvalidResponseDataError({
      data: redactJson(error.data, redact),
      message: redact(error.message),
    });
  }
}
