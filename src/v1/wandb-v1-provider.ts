import type { ProviderV1 } from '@ai-sdk/provider-v1';
import { createFaceProvider, type WandbFaceProviderBase } from '../faces/create-face-provider';
import { noSuchModel } from '../provider-object';
import type { WandbProviderSettings } from '../wandb-provider';
import { WandbV1LanguageModel } from './wandb-v1-language-model';

export interface WandbProviderV1 extends ProviderV1, WandbFaceProviderBase<WandbV1LanguageModel> {
  languageModel: WandbFaceProviderBase<WandbV1LanguageModel>['languageModel'];
}

/**
 * Creates a W&B Inference provider for `ai@4` (LanguageModelV1). Same settings as the root entry;
 * provider options arrive from ai@4's `providerOptions` (V1 calls them `providerMetadata`).
 */
export function createWandb(settings: WandbProviderSettings = {}): WandbProviderV1 {
  return createFaceProvider(settings, model => new WandbV1LanguageModel(model), {
    textEmbeddingModel: noSuchModel('embeddingModel'),
    imageModel: noSuchModel('imageModel'),
  });
}

/** The default provider: key from `WANDB_API_KEY`, project from `WANDB_ENTITY`/`WANDB_PROJECT`. */
export const wandb = /* @__PURE__ */ createWandb();
