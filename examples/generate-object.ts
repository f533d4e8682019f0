// Ask for a typed object: the zod schema is sent to W&B as a JSON schema
// (`response_format: json_schema`), and the answer is parsed and validated against it.
// (ai@7 spells this `generateText` with `output: Output.object(...)`; the older `generateObject`
// still works with this provider but is deprecated.)
// Run: npm run example generate-object
import { Output, generateText } from 'ai';
import { wandb } from 'wandb-ai-provider';
import { z } from 'zod';

const recipeSchema = z.object({
  name: z.string(),
  servings: z.number().int(),
  minutes: z.number().describe('total time, preparation included'),
  ingredients: z.array(z.object({ item: z.string(), amount: z.string() })),
  steps: z.array(z.string()),
});

const { output: recipe } = await generateText({
  model: wandb('Qwen/Qwen3.6-35B-A3B'),
  output: Output.object({ schema: recipeSchema, name: 'recipe' }),
  prompt: 'A recipe for a classic margherita pizza.',
});

// `recipe` is typed: z.infer<typeof recipeSchema>.
console.log(`${recipe.name} (${recipe.servings} servings, ${recipe.minutes} minutes)`);
for (const { item, amount } of recipe.ingredients) console.log(`  - ${amount} ${item}`);
for (const [index, step] of recipe.steps.entries()) console.log(`${index + 1}. ${step}`);
