// `wandb-ai-provider/v3`: the same provider for ai@6 (LanguageModelV3).
export { createWandb, wandb } from './wandb-v3-provider';
export type { WandbProviderV3 as WandbProvider } from './wandb-v3-provider';
export type { WandbProviderSettings } from '../wandb-provider';
export type { WandbChatModelId, WandbChatOptions } from '../chat/wandb-chat-options';
export { VERSION } from '../version';
