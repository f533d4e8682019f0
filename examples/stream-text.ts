// Stream an answer to the terminal as it is generated; a reasoning model's thinking comes first.
// Run: npm run build && WANDB_API_KEY=... node examples/stream-text.ts
import { streamText } from 'ai';
import { wandb } from 'wandb-ai-provider';

const result = streamText({
  model: wandb('openai/gpt-oss-120b'),
  prompt: 'Write a haiku about gradient descent.',
});

for await (const part of result.fullStream) {
  switch (part.type) {
    case 'reasoning-delta':
      process.stdout.write(`\x1b[2m${part.text}\x1b[0m`); // dimmed
      break;
    case 'reasoning-end':
      process.stdout.write('\n\n');
      break;
    case 'text-delta':
      process.stdout.write(part.text);
      break;
    case 'error':
      console.error('\nError:', part.error);
      break;
  }
}
process.stdout.write('\n');
