// `wandb-ai-provider/v2`: the same provider for ai@5 (LanguageModelV2).
export { createWandb, wandb } from './wandb-v2-provider';
export type { WandbProviderV2 as WandbProvider } from './wandb-v2-provider';
export type { WandbProviderSettings } from '../wandb-provider';
export type { WandbChatModelId, WandbChatOptions } from '../chat/wandb-chat-options';
export { VERSION } from '../version';
