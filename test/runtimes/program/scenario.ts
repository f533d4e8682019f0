/**
 * What every runtime runs: the five calls a first app makes, with the built package and the real
 * `ai@7` and zod. Each call's outcome is reported (a value or the error it threw), never thrown,
 * so one failing call does not hide the others.
 */
import { generateText, Output, stepCountIs, streamText, tool } from 'ai';
import { createWandb } from 'wandb-ai-provider';
import { z } from 'zod';

export type ScenarioOptions = {
  baseURL: string;
  apiKey: string;
  /** Left out to take the path that looks for WANDB_ENTITY/WANDB_PROJECT. */
  project?: string;
  /** Sent as `x-runtime`, so the server's log shows which runtime sent what. */
  runtime: string;
};

export const CALLS = [
  'generateText',
  'streamText',
  'toolLoop',
  'outputObject',
  'listModels',
] as const;
export type CallName = (typeof CALLS)[number];
export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: string };
export type ScenarioResults = Record<CallName, CallOutcome>;

export async function runScenario(options: ScenarioOptions): Promise<ScenarioResults> {
  const wandb = createWandb({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    headers: { 'x-runtime': options.runtime },
    ...(options.project == null ? {} : { project: options.project }),
  });
  const model = wandb('openai/gpt-oss-120b');
  const calls: Record<CallName, () => Promise<unknown>> = {
    generateText: async () =>
      (await generateText({ model, prompt: 'Say hello.', maxRetries: 0 })).text,
    streamText: async () => {
      const result = streamText({ model, prompt: 'Say hello, word by word.', maxRetries: 0 });
      const deltas: string[] = [];
      for await (const delta of result.textStream) deltas.push(delta);
      return { deltas, finishReason: await result.finishReason };
    },
    toolLoop: async () => {
      const result = await generateText({
        model,
        prompt: 'What is 2 + 3? Use the add tool.',
        tools: {
          add: tool({
            description: 'Adds two numbers.',
            inputSchema: z.object({ a: z.number(), b: z.number() }),
            execute: async ({ a, b }) => ({ sum: a + b }),
          }),
        },
        stopWhen: stepCountIs(2),
        maxRetries: 0,
      });
      return { steps: result.steps.length, text: result.text };
    },
    outputObject: async () =>
      (
        await generateText({
          model,
          prompt: 'The weather in Paris.',
          output: Output.object({
            schema: z.object({ city: z.string(), temperatureCelsius: z.number() }),
          }),
          maxRetries: 0,
        })
      ).output,
    listModels: () => wandb.listModels(),
  };

  const results = {} as ScenarioResults;
  for (const name of CALLS) {
    try {
      results[name] = { ok: true, value: await calls[name]() };
    } catch (error) {
      results[name] = {
        ok: false,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      };
    }
  }
  return results;
}
