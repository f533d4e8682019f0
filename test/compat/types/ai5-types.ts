/**
 * Type test, checked by `tsc --noEmit` (not run): ai@5's own types accept the `/v2` face as a
 * model and as a provider, and refuse the faces of other interface versions.
 */
import {
  Output,
  createProviderRegistry,
  generateText,
  streamObject,
  type LanguageModel,
} from 'ai-v5';
import { z } from 'zod/v4';
import { createWandb as createWandbV3 } from '../../../src/v3/index';
import { createWandb, wandb, type WandbChatOptions } from '../../../src/v2/index';

const asModel: LanguageModel = createWandb({ apiKey: 'key' })('openai/gpt-oss-120b');
const registry = createProviderRegistry({ wandb });
// Annotated, as users write it: the declared type itself must fit `providerOptions`.
const wandbOptions: WandbChatOptions = { reasoningEffort: 'low' };

export async function usesEveryKindOfCall() {
  await generateText({ model: asModel, prompt: 'Hi', providerOptions: { wandb: wandbOptions } });
  await generateText({
    model: registry.languageModel('wandb:openai/gpt-oss-20b'),
    experimental_output: Output.object({ schema: z.object({ a: z.number() }) }),
    prompt: 'Hi',
  });
  streamObject({
    model: wandb('Qwen/Qwen3.6-35B-A3B'),
    schema: z.object({ city: z.string() }),
    prompt: 'Paris?',
  });
}

// @ts-expect-error ai@5 takes LanguageModelV2 only; the /v3 face is for ai@6.
export const refused: LanguageModel = createWandbV3()('openai/gpt-oss-120b');
