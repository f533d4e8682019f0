/**
 * ai@5, ai@6 and ai@7 share their API for everything the matrix uses (`tool` with `inputSchema`,
 * `stopWhen`, `reasoningText`, `Output.object`), except the name of the structured-output option.
 * One adapter serves all three; each major's own module is passed in. Their types are checked
 * separately, per major, in `test/compat/types/`.
 */
import type * as AiModule from 'ai';
import type { LanguageModel, ModelMessage } from 'ai';
import { z } from 'zod/v4';
import type { WandbProviderSettings } from '../../../src/index';
import type { Major, Person, TextCall } from '../major';

const personSchema = z.object({ name: z.string(), born: z.number() });

export function createModernMajor(
  ai: typeof AiModule,
  meta: Pick<Major, 'name' | 'entry' | 'specificationVersion' | 'userAgent'> & {
    createWandb: (settings: WandbProviderSettings) => (modelId: string) => unknown;
    /** ai@5 calls it `experimental_output`. */
    outputOption: 'output' | 'experimental_output';
  },
): Major {
  const {
    APICallError,
    Output,
    generateObject,
    generateText,
    stepCountIs,
    streamObject,
    streamText,
    tool,
  } = ai;
  const weather = tool({
    description: 'Current weather in a city',
    inputSchema: z.object({ city: z.string() }),
    execute: async ({ city }) => ({ city, celsius: 21 }),
  });

  const callSettings = (model: unknown, call: TextCall) => {
    const messages: ModelMessage[] | undefined =
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
      ...(call.weatherTool ? { tools: { weather }, stopWhen: stepCountIs(3) } : {}),
      providerOptions: call.providerOptions as never,
      topK: call.topK,
      maxRetries: call.maxRetries ?? 0,
    };
  };

  return {
    name: meta.name,
    entry: meta.entry,
    specificationVersion: meta.specificationVersion,
    userAgent: meta.userAgent,
    hasObjectToolMode: false,
    model: (settings, modelId) => meta.createWandb(settings)(modelId),
    async generateText(model, call) {
      const result = await generateText(callSettings(model, call));
      return {
        text: result.text,
        reasoning: result.reasoningText,
        usage: { input: result.usage.inputTokens, output: result.usage.outputTokens },
        finishReason: result.finishReason,
        steps: result.steps.length,
        firstToolOutput: result.steps[0].toolResults[0]?.output,
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
      for await (const delta of result.textStream) deltas.push(delta);
      const [steps, usage] = await Promise.all([result.steps, result.usage]);
      return {
        deltas,
        errors,
        text: await result.text,
        reasoning: await result.reasoningText,
        usage: { input: usage.inputTokens, output: usage.outputTokens },
        finishReason: await result.finishReason,
        steps: steps.length,
        firstToolOutput: steps[0].toolResults[0]?.output,
        warnings: (await result.warnings) ?? [],
      };
    },
    async generateObject(model, call) {
      const result = await generateObject({
        model: model as LanguageModel,
        schema: personSchema,
        prompt: call.prompt,
        maxRetries: 0,
      });
      return result.object;
    },
    async streamObject(model, call) {
      const result = streamObject({
        model: model as LanguageModel,
        schema: personSchema,
        prompt: call.prompt,
        maxRetries: 0,
      });
      const partials: unknown[] = [];
      for await (const partial of result.partialObjectStream) partials.push(partial);
      return { partials, object: await result.object };
    },
    async generateOutput(model, prompt) {
      const result = await generateText({
        model: model as LanguageModel,
        [meta.outputOption]: Output.object({ schema: personSchema }),
        prompt,
        maxRetries: 0,
      });
      return (result as unknown as Record<typeof meta.outputOption, Person>)[meta.outputOption];
    },
    isAPICallError: (error): error is AiModule.APICallError => APICallError.isInstance(error),
  };
}
