import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { WandbChatModelId } from '../chat/wandb-chat-options';
import { createWandb, type WandbProviderSettings } from '../wandb-provider';

/** What every face's provider offers, whatever the interface version of its models. */
export interface WandbFaceProviderBase<Model> {
  /** A W&B Inference chat model, e.g. `wandb('openai/gpt-oss-120b')`. */
  (modelId: WandbChatModelId): Model;
  languageModel(modelId: WandbChatModelId): Model;
  /** Same as `languageModel`: W&B serves chat models only. */
  chatModel(modelId: WandbChatModelId): Model;
  /** The model ids your key and project can use right now (`GET /models`). */
  listModels(options?: { abortSignal?: AbortSignal }): Promise<string[]>;
}

/** W&B serves chat models only: these throw `NoSuchModelError`. */
export type NoSuchModelMethods = {
  embeddingModel(modelId: string): never;
  imageModel(modelId: string): never;
};

/**
 * A provider for an older AI SDK interface: the root (V4) provider with the same settings and
 * checks, whose models are passed through `toFace`. `members` adds what that interface's provider
 * type requires (its `specificationVersion`, its names for the embedding and image model methods).
 */
export function createFaceProvider<Model, Members extends object>(
  settings: WandbProviderSettings,
  toFace: (model: LanguageModelV4) => Model,
  members: (noSuchModel: NoSuchModelMethods) => Members,
): WandbFaceProviderBase<Model> & Members {
  const root = createWandb(settings);
  // The root's methods always throw NoSuchModelError, so they fit any interface's signature.
  const noSuchModel: NoSuchModelMethods = {
    embeddingModel: modelId => root.embeddingModel(modelId) as never,
    imageModel: modelId => root.imageModel(modelId) as never,
  };
  const languageModel = (modelId: WandbChatModelId): Model => toFace(root.languageModel(modelId));

  const provider = function (modelId: WandbChatModelId) {
    if (new.target) {
      throw new Error('The W&B provider is a function; call it without `new`.');
    }
    return languageModel(modelId);
  } as WandbFaceProviderBase<Model> & Members;

  return Object.assign(provider, {
    languageModel,
    chatModel: languageModel,
    listModels: root.listModels,
    ...members(noSuchModel),
  });
}
