// Every AI SDK call traced to W&B Weave (ai@7): register once, then call the AI SDK as usual. A
// two-turn chat with a tool, grouped as one Weave thread.
// Run: npm run example weave-tracing
// With WANDB_API_KEY set, set WANDB_ENTITY and WANDB_PROJECT too (the project the traces go to);
// without a key, the calls and their spans go to the local emulator.
import { generateText, stepCountIs, streamText, tool } from 'ai';
import { wandb } from 'wandb-ai-provider';
import { registerWeaveTracing, withWeaveThread } from 'wandb-ai-provider/weave';
import { z } from 'zod';

// Project from WANDB_ENTITY/WANDB_PROJECT, key from WANDB_API_KEY. WEAVE_BASE_URL is this
// example's own variable (the examples' runner points it at the emulator); unset, the traces go
// to https://trace.wandb.ai.
const tracing = registerWeaveTracing({ baseURL: process.env.WEAVE_BASE_URL });

const weather = tool({
  description: 'The current weather in a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, celsius: city === 'Paris' ? 11 : 7, conditions: 'rain' }),
});

// One conversation, two turns: both calls carry the same thread id in Weave.
const conversation = `weave-example-${Date.now()}`;

const first = await withWeaveThread(conversation, () =>
  generateText({
    model: wandb('meta-llama/Llama-3.3-70B-Instruct'),
    prompt: 'In two sentences: why do transformers use attention?',
  }),
);
console.log(`turn 1: ${first.text}`);

const second = withWeaveThread(conversation, () =>
  streamText({
    model: wandb('moonshotai/Kimi-K2.6'),
    tools: { weather },
    stopWhen: stepCountIs(5),
    prompt: 'I am flying to Paris and then Berlin today. Should I take a jacket?',
  }),
);
console.log(`turn 2: ${await second.text}`);
console.log(`[${(await second.steps).length} steps; thread ${conversation.replace(/\d+$/, '…')}]`);

// A script ends here: send the batched spans before exiting (serverless: before returning).
await tracing.shutdown();
console.log('spans sent to Weave');
