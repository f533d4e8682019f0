// Stream an answer to the terminal as it is generated.
// Run: npm run example stream-text
import { streamText } from 'ai';
import { wandb } from 'wandb-ai-provider';

const result = streamText({
  model: wandb('meta-llama/Llama-3.3-70B-Instruct'),
  prompt: 'Write a haiku about gradient descent.',
});

// Each piece is printed the moment it arrives.
for await (const piece of result.textStream) process.stdout.write(piece);

// `usage` resolves once the stream has finished.
const usage = await result.usage;
console.log(`\n\n[${usage.outputTokens} tokens out]`);
