import { InvalidResponseDataError } from '@ai-sdk/provider';
import { getFromApi } from '@ai-sdk/provider-utils';
import { describeValueKind } from './error-message-parts';
import { isObject } from './json-object';
import { readWandbJsonBody, textBodyHandler } from './read-wandb-json-body';
import type { WandbConfig } from './wandb-config';
import { createKeyRedactor } from './redact-api-key';
import { addConnectionHint, createWandbFailedResponseHandler } from './wandb-error';

/** The model ids that `GET {baseURL}/models` lists for this key and project. */
export async function listWandbModels(
  config: WandbConfig,
  { abortSignal }: { abortSignal?: AbortSignal } = {},
): Promise<string[]> {
  const headers = config.headers();
  const redact = createKeyRedactor(headers);
  const { value: text } = await getFromApi({
    url: `${config.baseURL()}/models`,
    headers,
    successfulResponseHandler: textBodyHandler,
    failedResponseHandler: createWandbFailedResponseHandler(redact),
    abortSignal,
    fetch: config.fetch,
    // The URL comes from the developer's own `baseURL` setting, not from a response.
    validateUrl: false,
  }).catch(error => {
    throw addConnectionHint(error, redact);
  });
  return readWandbJsonBody(text, redact, readModelIds).value;
}

/** Lenient: only the ids are read; W&B's entries carry no capability metadata anyway. */
function readModelIds(value: unknown): string[] {
  const data = isObject(value) ? value.data : undefined;
  if (!Array.isArray(data)) throw invalidModelList('data', 'an array', data);
  return data.map((entry, index) => {
    const id = isObject(entry) ? entry.id : undefined;
    if (typeof id !== 'string' || id === '')
      throw invalidModelList(`data[${index}].id`, 'a non-empty string', id);
    return id;
  });
}

function invalidModelList(path: string, expected: string, got: unknown): InvalidResponseDataError {
  return new InvalidResponseDataError({
    data: got,
    message: `Invalid W&B response: the model list's ${path} should be ${expected}, got ${describeValueKind(got)}.`,
  });
}
