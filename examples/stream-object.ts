// Stream a typed object: partial objects arrive while the model is still writing the JSON, so a
// UI can show the first items before the last one exists.
// (ai@7 spells this `streamText` with `output: Output.object(...)`; the older `streamObject`
// still works with this provider but is deprecated.)
// Run: npm run example stream-object
import { Output, streamText } from 'ai';
import { wandb } from 'wandb-ai-provider';
import { z } from 'zod';

const result = streamText({
  model: wandb('Qwen/Qwen3.6-35B-A3B'),
  output: Output.object({
    schema: z.object({
      ideas: z.array(z.object({ title: z.string(), pitch: z.string() })),
    }),
  }),
  prompt: 'Three ideas for a weekend hackathon project with language models.',
});

// Each partial object is the whole object so far: items appear and their strings grow.
let updates = 0;
let newestTitle: string | undefined;
for await (const partial of result.partialOutputStream) {
  updates++;
  const ideas = partial.ideas ?? [];
  const title = ideas.at(-1)?.title;
  if (title != null && title !== newestTitle) {
    newestTitle = title;
    console.log(
      `update ${updates}: ${ideas.length} idea(s), the newest title so far: ${JSON.stringify(title)}`,
    );
  }
}

// The final object is validated against the schema.
const { ideas } = await result.output;
console.log(
  `\n${updates} partial objects, then:\n${ideas.map((idea, index) => `${index + 1}. ${idea.title}: ${idea.pitch}`).join('\n')}`,
);
