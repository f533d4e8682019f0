// A structured-output request against `npx wandb-emulator` (WANDB_BASE_URL and WANDB_API_KEY
// come from the environment): generateText with Output.object, through the entry in WANDB_ENTRY.
import { generateText, Output } from 'ai';
import { z } from 'zod';

const { createWandb } = await import(process.env.WANDB_ENTRY);
const schema = z.object({
  city: z.string(),
  country: z.string(),
  population: z.number().int().min(1),
  landmarks: z.array(z.object({ name: z.string(), kind: z.enum(['tower', 'museum']) })).min(2),
});
const { output } = await generateText({
  model: createWandb()('Qwen/Qwen3.6-35B-A3B'),
  output: Output.object({ schema }),
  prompt: 'Where is the Eiffel Tower?',
});
console.log(JSON.stringify(schema.parse(output)));
