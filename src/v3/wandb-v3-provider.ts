import type { ProviderV3 } from '@ai-sdk/provider-v3';
import { createFaceProvider, type WandbFaceProviderBase } from '../faces/create-face-provider';
import { noSuchModel } from '../provider-object';
import type { WandbProviderSettings } from '../wandb-provider';
import { WandbV3LanguageModel } from './wandb-v3-language-model';

export interface WandbProviderV3 extends ProviderV3, WandbFaceProviderBase<WandbV3LanguageModel> {
  languageModel: WandbFaceProviderBase<WandbV3LanguageModel>['languageModel'];
}

/** Creates a W&B Inference provider for `ai@6` (LanguageModelV3). Same settings as the root entry. */
export function createWandb(settings: WandbProviderSettings = {}): WandbProviderV3 {
  return createFaceProvider(settings, model => new WandbV3LanguageModel(model), {
    specificationVersion: 'v3',
    embeddingModel: noSuchModel('embeddingModel'),
    imageModel: noSuchModel('imageModel'),
  });
}

/** The default provider: key from `WANDB_API_KEY`, project from `WANDB_ENTITY`/`WANDB_PROJECT`. */
export const wandb = /* @__PURE__ */ createWandb();
