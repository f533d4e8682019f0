/**
 * Type test, checked by `tsc --noEmit` (not run): ai@6's own types accept the `/v3` face as a
 * model and as a provider, and refuse the ai@4 face.
 */
import {
  Output,
  createProviderRegistry,
  generateText,
  streamText,
  type LanguageModel,
} from 'ai-v6';
import { z } from 'zod/v4';
import { createWandb as createWandbV1 } from '../../../src/v1/index';
import { createWandb, wandb, type WandbChatOptions } from '../../../src/v3/index';

const asModel: LanguageModel = createWandb({ apiKey: 'key' })('openai/gpt-oss-120b');
const registry = createProviderRegistry({ wandb });
// Annotated, as users write it: the declared type itself must fit `providerOptions`.
const wandbOptions: WandbChatOptions = { cacheSalt: 'tenant' };

export async function usesEveryKindOfCall() {
  await generateText({ model: asModel, prompt: 'Hi', providerOptions: { wandb: wandbOptions } });
  await generateText({
    model: registry.languageModel('wandb:openai/gpt-oss-20b'),
    output: Output.object({ schema: z.object({ a: z.number() }) }),
    prompt: 'Hi',
  });
  streamText({ model: wandb('Qwen/Qwen3.6-35B-A3B'), prompt: 'Hi' });
}

// @ts-expect-error ai@6 takes LanguageModelV2 or V3; the /v1 face is for ai@4.
export const refused: LanguageModel = createWandbV1()('openai/gpt-oss-120b');
