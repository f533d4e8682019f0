import { NoSuchModelError } from '@ai-sdk/provider';

/**
 * A provider object: a function that creates a model (`wandb('openai/gpt-oss-120b')`) and carries
 * `members` (`languageModel`, `listModels`, ...). Its type is exactly that, `call & members`, with
 * no cast: the factory's declared return type (`WandbProvider`, `WandbProviderV3`, ...) checks
 * every member, so a missing or mistyped one is a compile error.
 */
export function createProviderObject<ModelId, Model, const Members extends object>(
  createModel: (modelId: ModelId) => Model,
  members: Members,
): ((modelId: ModelId) => Model) & Members {
  const provider = function (modelId: ModelId): Model {
    if (new.target) {
      throw new Error('The W&B provider is a function; call it without `new`.');
    }
    return createModel(modelId);
  };
  return Object.assign(provider, members);
}

/**
 * A provider method for a kind of model W&B does not serve. Returning `never` fits every interface
 * version's signature for that method.
 */
export function noSuchModel(modelType: 'embeddingModel' | 'imageModel') {
  return (modelId: string): never => {
    throw new NoSuchModelError({
      modelId,
      modelType,
      message: `W&B Inference serves chat models only; there is no ${modelType} '${modelId}'. Use provider.languageModel(id).`,
    });
  };
}
