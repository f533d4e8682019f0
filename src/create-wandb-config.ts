import { LoadAPIKeyError } from '@ai-sdk/provider';
import { combineHeaders, withUserAgentSuffix } from '@ai-sdk/provider-utils';
import { readEnvironmentVariable } from './read-environment-variable';
import { travellingSettings, type WandbChatModelState } from './chat/wandb-chat-workflow-state';
import { isSendableHeaderValue, validateHeaders, validateProject } from './validate-wandb-settings';
import { VERSION } from './version';
import { DEFAULT_BASE_URL, validateBaseURL } from './wandb-base-url';
import type { WandbConfig } from './wandb-config';
import type { WandbProviderSettings } from './wandb-provider';

/**
 * The config every model of a provider shares. `settings` are already validated (by `createWandb`,
 * or by the reader of a workflow state). `restoredFrom` is the state a model was restored from.
 */
export function createWandbConfig(
  settings: WandbProviderSettings,
  restoredFrom?: WandbChatModelState,
): WandbConfig {
  const baseURLSetting =
    settings.baseURL == null ? undefined : validateBaseURL(settings.baseURL, 'The baseURL setting');
  const name = settings.name ?? 'wandb';
  return {
    provider: `${name}.chat`,
    providerOptionsName: name,
    baseURL: () => baseURLSetting ?? baseURLFromEnvironment(),
    headers: callHeaders => {
      validateHeaders(callHeaders, 'headers');
      return withUserAgentSuffix(
        combineHeaders(
          {
            Authorization: `Bearer ${loadWandbApiKey(settings.apiKey, restoredFrom != null)}`,
            'OpenAI-Project': settings.project ?? projectFromEnvironment(),
          },
          settings.headers,
          callHeaders,
        ),
        `wandb-ai-provider/${VERSION}`,
      );
    },
    fetch: settings.fetch,
    includeUsage: settings.includeUsage ?? true,
    workflow: travellingSettings(settings),
    restoredFrom,
  };
}

function loadWandbApiKey(apiKey: string | undefined, restored: boolean): string {
  // Not provider-utils' loadApiKey: it reads `process.env` itself, which throws in Deno without
  // env permission.
  const key = apiKey ?? readEnvironmentVariable('WANDB_API_KEY');
  if (key == null) {
    throw new LoadAPIKeyError({
      message: restored
        ? 'W&B API key is missing. This model was restored from a durable workflow state, which never holds the key: set the WANDB_API_KEY environment variable where the workflow resumes. ' +
          'Create a key at https://wandb.ai/settings (API keys).'
        : 'W&B API key is missing. Set the WANDB_API_KEY environment variable or pass `apiKey` to createWandb() ' +
          '(where the environment cannot be read, as in browsers, edge runtimes or Deno without --allow-env, pass `apiKey`). ' +
          'Create a key at https://wandb.ai/settings (API keys).',
    });
  }
  // fetch would reject such a header with a TypeError that quotes the whole key.
  if (!isSendableHeaderValue(key)) {
    throw new LoadAPIKeyError({
      message:
        'The W&B API key contains a line break or a character that cannot be sent in an HTTP header; it was probably pasted with extra text. ' +
        'Copy it again from https://wandb.ai/settings (API keys).',
    });
  }
  return key;
}

function projectFromEnvironment(): string | undefined {
  const entity = readEnvironmentVariable('WANDB_ENTITY');
  const project = readEnvironmentVariable('WANDB_PROJECT');
  if (!entity || !project) return undefined;
  // Read per request, so checked here: a stray '/' or line break would otherwise reach W&B or fetch.
  validateProject(`${entity}/${project}`, 'WANDB_ENTITY/WANDB_PROJECT');
  return `${entity}/${project}`;
}

/**
 * Read per request, like the key and the project: the default `wandb` instance is created at
 * import, and a malformed variable must not make importing the package fail.
 */
function baseURLFromEnvironment(): string {
  const fromEnvironment = readEnvironmentVariable('WANDB_BASE_URL');
  if (fromEnvironment == null || fromEnvironment === '') return DEFAULT_BASE_URL;
  return validateBaseURL(fromEnvironment, 'The WANDB_BASE_URL environment variable');
}
