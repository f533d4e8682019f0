/**
 * Type test, checked by `tsc --noEmit` (not run): provider objects are built by
 * `createProviderObject` and `createFaceProvider` without casts, so a provider type's member that
 * is missing or mistyped is a compile error. Each `@ts-expect-error` below fails the type check
 * if its line compiles, e.g. if a builder's result were loosened to `any` or cast.
 */
import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { WandbChatModelId } from '../../src/chat/wandb-chat-options';
import { createFaceProvider } from '../../src/faces/create-face-provider';
import { createProviderObject, noSuchModel } from '../../src/provider-object';
import type { WandbProviderV1 } from '../../src/v1/wandb-v1-provider';
import { WandbV1LanguageModel } from '../../src/v1/wandb-v1-language-model';
import type { WandbProviderV3 } from '../../src/v3/wandb-v3-provider';
import { WandbV3LanguageModel } from '../../src/v3/wandb-v3-language-model';
import type { WandbProvider } from '../../src/wandb-provider';

declare const createModel: (modelId: WandbChatModelId) => LanguageModelV4;
declare const listModels: WandbProvider['listModels'];

const rootMembers = {
  specificationVersion: 'v4',
  languageModel: createModel,
  chatModel: createModel,
  embeddingModel: noSuchModel('embeddingModel'),
  imageModel: noSuchModel('imageModel'),
  listModels,
} as const;

export const complete: WandbProvider = createProviderObject(createModel, rootMembers);

const { chatModel: _chatModel, ...withoutChatModel } = rootMembers;
// @ts-expect-error `chatModel` is missing.
export const missingChatModel: WandbProvider = createProviderObject(createModel, withoutChatModel);

// @ts-expect-error a V4 provider's `specificationVersion` is 'v4'.
export const wrongVersion: WandbProvider = createProviderObject(createModel, {
  ...rootMembers,
  specificationVersion: 'v3',
});

// @ts-expect-error `listModels` returns a promise of the model ids.
export const listModelsWithoutPromise: WandbProvider = createProviderObject(createModel, {
  ...rootMembers,
  listModels: () => ['openai/gpt-oss-120b'],
});

// @ts-expect-error the provider's call signature must return the interface's model.
export const callReturningText: WandbProvider = createProviderObject(
  (modelId: WandbChatModelId) => modelId,
  rootMembers,
);

const toV3 = (model: LanguageModelV4) => new WandbV3LanguageModel(model);

export const v3Complete: WandbProviderV3 = createFaceProvider({}, toV3, {
  specificationVersion: 'v3',
  embeddingModel: noSuchModel('embeddingModel'),
  imageModel: noSuchModel('imageModel'),
});

// @ts-expect-error `imageModel` is missing.
export const v3MissingImageModel: WandbProviderV3 = createFaceProvider({}, toV3, {
  specificationVersion: 'v3',
  embeddingModel: noSuchModel('embeddingModel'),
});

// @ts-expect-error ProviderV1 names it `textEmbeddingModel`.
export const v1WithV3Names: WandbProviderV1 = createFaceProvider(
  {},
  (model: LanguageModelV4) => new WandbV1LanguageModel(model),
  { embeddingModel: noSuchModel('embeddingModel'), imageModel: noSuchModel('imageModel') },
);

// @ts-expect-error a V3 provider's models are LanguageModelV3, not the V1 face.
export const v3WithV1Models: WandbProviderV3 = createFaceProvider(
  {},
  (model: LanguageModelV4) => new WandbV1LanguageModel(model),
  {
    specificationVersion: 'v3',
    embeddingModel: noSuchModel('embeddingModel'),
    imageModel: noSuchModel('imageModel'),
  },
);
