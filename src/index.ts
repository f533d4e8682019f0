// The root entry: the newest AI SDK interface (LanguageModelV4, ai@7). Also `wandb-ai-provider/v4`.
export { createWandb, wandb } from './wandb-provider';
export type { WandbProvider, WandbProviderSettings } from './wandb-provider';
export type { WandbChatModelId, WandbChatOptions } from './chat/wandb-chat-options';
export { VERSION } from './version';
