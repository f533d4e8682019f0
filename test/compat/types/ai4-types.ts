/**
 * Type test, checked by `tsc --noEmit` (not run): ai@4's own types accept the `/v1` face as a
 * model wherever ai@4 takes one, and refuse the faces of other interface versions.
 */
import {
  generateObject,
  generateText,
  streamText,
  type LanguageModel,
  type LanguageModelV1,
} from 'ai-v4';
import { z } from 'zod';
import { createWandb as createWandbV2 } from '../../../src/v2/index';
import {
  createWandb,
  wandb,
  type WandbChatOptions,
  type WandbProvider,
} from '../../../src/v1/index';

const provider: WandbProvider = createWandb({ apiKey: 'key', project: 'team/project' });
const asModel: LanguageModel = provider('openai/gpt-oss-120b');
const asV1: LanguageModelV1 = wandb.languageModel('moonshotai/Kimi-K2.6');
// Annotated, as users write it: the declared type itself must fit `providerOptions`.
const wandbOptions: WandbChatOptions = { enableThinking: false };

export async function usesEveryKindOfCall() {
  await generateText({ model: asModel, prompt: 'Hi', providerOptions: { wandb: wandbOptions } });
  streamText({ model: asV1, prompt: 'Hi', maxSteps: 2 });
  await generateObject({
    model: wandb.chatModel('Qwen/Qwen3.6-35B-A3B'),
    schema: z.object({ city: z.string() }),
    mode: 'tool',
    prompt: 'Paris?',
  });
}

// @ts-expect-error ai@4 takes LanguageModelV1 only; the /v2 face is for ai@5.
export const refused: LanguageModel = createWandbV2()('openai/gpt-oss-120b');
