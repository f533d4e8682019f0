import { LoadAPIKeyError, type LanguageModelV4, type ProviderV4 } from '@ai-sdk/provider';
import {
  combineHeaders,
  loadApiKey,
  withUserAgentSuffix,
  type FetchFunction,
} from '@ai-sdk/provider-utils';
import { WandbChatLanguageModel } from './chat/wandb-chat-language-model';
import type { WandbChatModelId } from './chat/wandb-chat-options';
import { listWandbModels } from './list-wandb-models';
import { createProviderObject, noSuchModel } from './provider-object';
import {
  isSendableHeaderValue,
  validateApiKeySetting,
  validateHeaders,
  validateModelId,
  validateName,
  validateOptionalSetting,
  validateProject,
  validateSettingsObject,
} from './validate-wandb-settings';
import { VERSION } from './version';
import { DEFAULT_BASE_URL, validateBaseURL } from './wandb-base-url';
import type { WandbConfig } from './wandb-config';

export { DEFAULT_BASE_URL } from './wandb-base-url';

export interface WandbProviderSettings {
  /**
   * The provider's name (default `wandb`): `model.provider` is `<name>.chat`, and per-call options
   * are read from `providerOptions[name]` as well as `providerOptions.wandb`, as
   * `@ai-sdk/openai-compatible` does. Programs that create providers by id (opencode) pass their id.
   */
  name?: string;
  /**
   * W&B API key, sent as `Authorization: Bearer <key>`. Defaults to the `WANDB_API_KEY`
   * environment variable, read when a request is made. Create one at https://wandb.ai/settings.
   */
  apiKey?: string;
  /**
   * Where requests go. Defaults to the `WANDB_BASE_URL` environment variable when set, else
   * `https://api.inference.wandb.ai/v1`. Point it at a proxy or a local emulator.
   */
  baseURL?: string;
  /**
   * The W&B `team/project` that usage is billed and rate-limited against, sent as the
   * `OpenAI-Project` header. Defaults to `WANDB_ENTITY/WANDB_PROJECT` when both are set; without
   * it W&B uses your default entity and the project `inference`.
   */
  project?: string;
  /** Extra headers for every request. Per-call `headers` override them. */
  headers?: Record<string, string>;
  /** A custom fetch, e.g. for proxies, logging or tests. */
  fetch?: FetchFunction;
  /** Ask for token usage at the end of streams (`stream_options.include_usage`). Default `true`. */
  includeUsage?: boolean;
}

export interface WandbProvider extends ProviderV4 {
  /** A W&B Inference chat model, e.g. `wandb('openai/gpt-oss-120b')`. */
  (modelId: WandbChatModelId): LanguageModelV4;
  languageModel(modelId: WandbChatModelId): LanguageModelV4;
  /** Same as `languageModel`: W&B serves chat models only. */
  chatModel(modelId: WandbChatModelId): LanguageModelV4;
  /** The model ids your key and project can use right now (`GET /models`). */
  listModels(options?: { abortSignal?: AbortSignal }): Promise<string[]>;
}

/** Creates a W&B Inference provider for the AI SDK (`ai@7`, LanguageModelV4). */
export function createWandb(settings: WandbProviderSettings = {}): WandbProvider {
  validateSettingsObject(settings);
  const baseURLSetting =
    settings.baseURL == null ? undefined : validateBaseURL(settings.baseURL, 'The baseURL setting');
  validateApiKeySetting(settings.apiKey);
  validateProject(settings.project);
  validateHeaders(settings.headers, 'headers');
  validateOptionalSetting('includeUsage', settings.includeUsage, 'boolean');
  validateOptionalSetting('fetch', settings.fetch, 'function');
  const name = validateName(settings.name);

  const config: WandbConfig = {
    provider: `${name}.chat`,
    providerOptionsName: name,
    baseURL: () => baseURLSetting ?? baseURLFromEnvironment(),
    headers: callHeaders => {
      validateHeaders(callHeaders, 'headers');
      return withUserAgentSuffix(
        combineHeaders(
          {
            Authorization: `Bearer ${loadWandbApiKey(settings.apiKey)}`,
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
  };

  const createChatModel = (modelId: WandbChatModelId): LanguageModelV4 => {
    validateModelId(modelId);
    return new WandbChatLanguageModel(modelId, config);
  };

  return createProviderObject(createChatModel, {
    specificationVersion: 'v4',
    languageModel: createChatModel,
    chatModel: createChatModel,
    embeddingModel: noSuchModel('embeddingModel'),
    imageModel: noSuchModel('imageModel'),
    listModels: (options?: { abortSignal?: AbortSignal }) => listWandbModels(config, options),
  });
}

/** The default provider: key from `WANDB_API_KEY`, project from `WANDB_ENTITY`/`WANDB_PROJECT`. */
export const wandb = /* @__PURE__ */ createWandb();

function loadWandbApiKey(apiKey: string | undefined): string {
  let key: string;
  try {
    key = loadApiKey({ apiKey, environmentVariableName: 'WANDB_API_KEY', description: 'W&B' });
  } catch (error) {
    if (!LoadAPIKeyError.isInstance(error)) throw error;
    throw new LoadAPIKeyError({
      message:
        'W&B API key is missing. Set the WANDB_API_KEY environment variable or pass `apiKey` to createWandb(). ' +
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
  // Guarded: edge runtimes and browsers have no `process`.
  if (typeof process === 'undefined') return undefined;
  const entity = process.env.WANDB_ENTITY;
  const project = process.env.WANDB_PROJECT;
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
  // Guarded: edge runtimes and browsers have no `process`.
  const fromEnvironment = typeof process === 'undefined' ? undefined : process.env.WANDB_BASE_URL;
  if (fromEnvironment == null || fromEnvironment === '') return DEFAULT_BASE_URL;
  return validateBaseURL(fromEnvironment, 'The WANDB_BASE_URL environment variable');
}
