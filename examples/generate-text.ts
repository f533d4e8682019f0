// Generate a complete answer in one call.
// Run: npm run build && WANDB_API_KEY=... node examples/generate-text.ts
import { generateText } from 'ai';
import { wandb } from 'wandb-ai-provider';

const { text, usage, finishReason } = await generateText({
  model: wandb('meta-llama/Llama-3.3-70B-Instruct'),
  prompt: 'In two sentences: why do transformers use attention?',
});

console.log(text);
console.log(`\n[${finishReason}; ${usage.inputTokens} tokens in, ${usage.outputTokens} out]`);
