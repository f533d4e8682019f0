import { createJsonResponseHandler, getFromApi, lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';
import type { WandbConfig } from './wandb-config';
import { createKeyRedactor, createWandbFailedResponseHandler } from './wandb-error';

// Lenient: only the ids are read; W&B's entries carry no capability metadata anyway. Lazy: built
// on the first call, not at import.
const modelListSchema = lazySchema(() => zodSchema(z.object({ data: z.array(z.object({ id: z.string() })) })));

/** The model ids that `GET {baseURL}/models` lists for this key and project. */
export async function listWandbModels(
  config: WandbConfig,
  { abortSignal }: { abortSignal?: AbortSignal } = {},
): Promise<string[]> {
  const headers = config.headers();
  const { value } = await getFromApi({
    url: `${config.baseURL}/models`,
    headers,
    successfulResponseHandler: createJsonResponseHandler(modelListSchema),
    failedResponseHandler: createWandbFailedResponseHandler(createKeyRedactor(headers)),
    abortSignal,
    fetch: config.fetch,
    // The URL comes from the developer's own `baseURL` setting, not from a response.
    validateUrl: false,
  });
  return value.data.map((model) => model.id);
}
