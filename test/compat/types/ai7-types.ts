/**
 * Type test, checked by `tsc --noEmit` (not run): ai@7's own types accept the root entry as a
 * model and as a provider, and refuse the ai@4 face.
 */
import { Output, createProviderRegistry, generateText, streamText, type LanguageModel } from 'ai';
import { z } from 'zod/v4';
import { createWandb, wandb, type WandbChatOptions } from '../../../src/index';
import { createWandb as createWandbV1 } from '../../../src/v1/index';

const asModel: LanguageModel = createWandb({ apiKey: 'key' })('openai/gpt-oss-120b');
const registry = createProviderRegistry({ wandb });
// Annotated, as users write it: the declared type itself must fit `providerOptions`.
const wandbOptions: WandbChatOptions = { structuredOutputs: false };

export async function usesEveryKindOfCall() {
  await generateText({
    model: asModel,
    prompt: 'Hi',
    reasoning: 'low',
    providerOptions: { wandb: wandbOptions },
  });
  await generateText({
    model: registry.languageModel('wandb:openai/gpt-oss-20b'),
    output: Output.object({ schema: z.object({ a: z.number() }) }),
    prompt: 'Hi',
  });
  streamText({ model: wandb('Qwen/Qwen3.6-35B-A3B'), prompt: 'Hi' });
}

// @ts-expect-error ai@7 takes LanguageModelV2, V3 or V4; the /v1 face is for ai@4.
export const refused: LanguageModel = createWandbV1()('openai/gpt-oss-120b');
