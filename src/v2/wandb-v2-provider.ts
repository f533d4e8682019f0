import type { ProviderV2 } from '@ai-sdk/provider-v2';
import { createFaceProvider, type WandbFaceProviderBase } from '../faces/create-face-provider';
import { noSuchModel } from '../provider-object';
import type { WandbProviderSettings } from '../wandb-provider';
import { WandbV2LanguageModel } from './wandb-v2-language-model';

export interface WandbProviderV2 extends ProviderV2, WandbFaceProviderBase<WandbV2LanguageModel> {
  languageModel: WandbFaceProviderBase<WandbV2LanguageModel>['languageModel'];
}

/**
 * Creates a W&B Inference provider for `ai@5` (LanguageModelV2). Same settings as the root entry.
 * ProviderV2 has no `specificationVersion`; newer `ai` majors read its absence as V2.
 */
export function createWandb(settings: WandbProviderSettings = {}): WandbProviderV2 {
  return createFaceProvider(settings, model => new WandbV2LanguageModel(model), {
    textEmbeddingModel: noSuchModel('embeddingModel'),
    imageModel: noSuchModel('imageModel'),
  });
}

/** The default provider: key from `WANDB_API_KEY`, project from `WANDB_ENTITY`/`WANDB_PROJECT`. */
export const wandb = /* @__PURE__ */ createWandb();
