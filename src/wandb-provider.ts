import type { LanguageModelV4, ProviderV4 } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';
import { listWandbCatalog, type WandbModelInfo } from './catalog/wandb-model-catalog';
import { WandbChatLanguageModel } from './chat/wandb-chat-language-model';
import type { WandbChatModelId } from './chat/wandb-chat-options';
import { createWandbConfig } from './create-wandb-config';
import {
  listWandbModels,
  listWandbModelsWithDetails,
  type WandbListedModel,
} from './list-wandb-models';
import { createProviderObject, noSuchModel } from './provider-object';
import {
  validateApiKeySetting,
  validateHeaders,
  validateModelId,
  validateName,
  validateOptionalSetting,
  validateProject,
  validateSettingsObject,
} from './validate-wandb-settings';
import { validateBaseURL } from './wandb-base-url';

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
  listModels(options?: { abortSignal?: AbortSignal; details?: false }): Promise<string[]>;
  /**
   * The same ids, each with the catalog's record where it has one (a model picker's data). Ids
   * the catalog does not know, such as LoRA artifacts, come without a record.
   */
  listModels(options: { abortSignal?: AbortSignal; details: true }): Promise<WandbListedModel[]>;
  /**
   * The catalog built into this package from W&B's public model data (see "Models" in the README):
   * context window, image input, reasoning, tools, lifecycle. Not a live list: see `listModels`.
   */
  readonly models: readonly WandbModelInfo[];
}

/** Creates a W&B Inference provider for the AI SDK (`ai@7`, LanguageModelV4). */
export function createWandb(settings: WandbProviderSettings = {}): WandbProvider {
  validateSettingsObject(settings);
  if (settings.baseURL != null) validateBaseURL(settings.baseURL, 'The baseURL setting');
  validateApiKeySetting(settings.apiKey);
  validateProject(settings.project);
  validateHeaders(settings.headers, 'headers');
  validateOptionalSetting('includeUsage', settings.includeUsage, 'boolean');
  validateOptionalSetting('fetch', settings.fetch, 'function');
  validateName(settings.name);

  const config = createWandbConfig(settings);

  const createChatModel = (modelId: WandbChatModelId): LanguageModelV4 => {
    validateModelId(modelId);
    return new WandbChatLanguageModel(modelId, config);
  };

  function listModels(options?: { abortSignal?: AbortSignal; details?: false }): Promise<string[]>;
  function listModels(options: {
    abortSignal?: AbortSignal;
    details: true;
  }): Promise<WandbListedModel[]>;
  function listModels(options?: { abortSignal?: AbortSignal; details?: boolean }) {
    return options?.details === true
      ? listWandbModelsWithDetails(config, options)
      : listWandbModels(config, options);
  }

  return createProviderObject(createChatModel, {
    specificationVersion: 'v4',
    languageModel: createChatModel,
    chatModel: createChatModel,
    embeddingModel: noSuchModel('embeddingModel'),
    imageModel: noSuchModel('imageModel'),
    listModels,
    models: listWandbCatalog(),
  });
}

/** The default provider: key from `WANDB_API_KEY`, project from `WANDB_ENTITY`/`WANDB_PROJECT`. */
export const wandb = /* @__PURE__ */ createWandb();
