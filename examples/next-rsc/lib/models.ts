import { wandb } from 'wandb-ai-provider';

// The default `wandb` provider reads WANDB_API_KEY (and WANDB_BASE_URL, which the emulator sets)
// on the server; nothing here reaches the browser.
export const textModel = wandb('meta-llama/Llama-3.3-70B-Instruct');
export const agentModel = wandb('moonshotai/Kimi-K2.6');
export const objectModel = wandb('Qwen/Qwen3.6-35B-A3B');
