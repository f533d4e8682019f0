/** ai@4 (LanguageModelV1) through `wandb-ai-provider/v1`, with ai@4's own API and zod 3 schemas. */
import {
  APICallError,
  Output,
  generateObject,
  generateText,
  streamObject,
  streamText,
  tool,
  type CoreMessage,
  type LanguageModel,
} from 'ai-v4';
import { z } from 'zod';
import { createWandb } from '../../../src/v1/index';
import type { Major, TextCall } from '../major';

const personSchema = z.object({ name: z.string(), born: z.number() });
const weather = tool({
  description: 'Current weather in a city',
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, celsius: 21 }),
});

function callSettings(model: unknown, call: TextCall) {
  const messages: CoreMessage[] | undefined =
    call.image == null
      ? undefined
      : [
          {
            role: 'user',
            content: [
              { type: 'text', text: call.prompt ?? '' },
              { type: 'image', image: call.image },
            ],
          },
        ];
  return {
    model: model as LanguageModel,
    ...(messages ? { messages } : { prompt: call.prompt ?? 'Hi' }),
    ...(call.weatherTool ? { tools: { weather }, maxSteps: 3 } : {}),
    providerOptions: call.providerOptions as never,
    topK: call.topK,
    maxRetries: call.maxRetries ?? 0,
  };
}

export const ai4: Major = {
  name: 'ai@4',
  entry: 'wandb-ai-provider/v1',
  specificationVersion: 'v1',
  userAgent: undefined,
  hasObjectToolMode: true,
  model: (settings, modelId) => createWandb(settings)(modelId),
  async generateText(model, call) {
    const result = await generateText(callSettings(model, call));
    return {
      text: result.text,
      reasoning: result.reasoning,
      usage: { input: result.usage.promptTokens, output: result.usage.completionTokens },
      finishReason: result.finishReason,
      steps: result.steps.length,
      firstToolOutput: result.steps[0].toolResults[0]?.result,
      warnings: result.warnings ?? [],
    };
  },
  async streamText(model, call) {
    const errors: unknown[] = [];
    const result = streamText({
      ...callSettings(model, call),
      onError: ({ error }) => void errors.push(error),
    });
    const deltas: string[] = [];
    // ai@4's promises resolve only once the stream has been read.
    for await (const delta of result.textStream) deltas.push(delta);
    const [steps, usage] = await Promise.all([result.steps, result.usage]);
    return {
      deltas,
      errors,
      text: await result.text,
      reasoning: await result.reasoning,
      usage: { input: usage.promptTokens, output: usage.completionTokens },
      finishReason: await result.finishReason,
      steps: steps.length,
      firstToolOutput: steps[0].toolResults[0]?.result,
      warnings: (await result.warnings) ?? [],
    };
  },
  async generateObject(model, call) {
    const result = await generateObject({
      model: model as LanguageModel,
      schema: personSchema,
      prompt: call.prompt,
      mode: call.mode ?? 'auto',
      maxRetries: 0,
    });
    return result.object;
  },
  async streamObject(model, call) {
    const result = streamObject({
      model: model as LanguageModel,
      schema: personSchema,
      prompt: call.prompt,
      mode: call.mode ?? 'auto',
      maxRetries: 0,
    });
    const partials: unknown[] = [];
    for await (const partial of result.partialObjectStream) partials.push(partial);
    return { partials, object: await result.object };
  },
  async generateOutput(model, prompt) {
    const result = await generateText({
      model: model as LanguageModel,
      experimental_output: Output.object({ schema: personSchema }),
      prompt,
      maxRetries: 0,
    });
    return result.experimental_output;
  },
  isAPICallError: (error): error is APICallError => APICallError.isInstance(error),
};
