import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { WandbChatModelId } from '../chat/wandb-chat-options';
import { createProviderObject } from '../provider-object';
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

/**
 * A provider for an older AI SDK interface: the root (V4) provider with the same settings and
 * checks, whose models are passed through `toFace`. `members` adds what that interface's provider
 * type requires (its `specificationVersion`, its names for the embedding and image model methods);
 * the face's declared provider type checks them.
 */
export function createFaceProvider<Model, const Members extends object>(
  settings: WandbProviderSettings,
  toFace: (model: LanguageModelV4) => Model,
  members: Members,
): WandbFaceProviderBase<Model> & Members {
  const root = createWandb(settings);
  const languageModel = (modelId: WandbChatModelId): Model => toFace(root.languageModel(modelId));
  return createProviderObject(languageModel, {
    languageModel,
    chatModel: languageModel,
    listModels: root.listModels,
    ...members,
  });
}
