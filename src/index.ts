// The root entry: the newest AI SDK interface (LanguageModelV4, ai@7). Also `wandb-ai-provider/v4`.
export { createWandb, wandb } from './wandb-provider';
export type { WandbProvider, WandbProviderSettings } from './wandb-provider';
export type { WandbChatModelId, WandbChatOptions } from './chat/wandb-chat-options';
export type { WandbModelInfo } from './catalog/wandb-model-catalog';
export type {
  WandbLifecycleStage,
  WandbModelFactName,
  WandbModelFacts,
  WandbReasoningMode,
} from './catalog/wandb-model-facts';
export type { WandbChatModelState } from './chat/wandb-chat-workflow-state';
export type { WandbListedModel } from './list-wandb-models';
export { VERSION } from './version';
