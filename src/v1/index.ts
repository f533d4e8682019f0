// `wandb-ai-provider/v1`: the same provider for ai@4 (LanguageModelV1).
export { createWandb, wandb } from './wandb-v1-provider';
export type { WandbProviderV1 as WandbProvider } from './wandb-v1-provider';
export type { WandbProviderSettings } from '../wandb-provider';
export type { WandbChatModelId, WandbChatOptions } from '../chat/wandb-chat-options';
export { VERSION } from '../version';
