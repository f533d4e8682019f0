// Generate a complete answer in one call, with its token usage and finish reason.
// Run: npm run example generate-text
import { generateText } from 'ai';
import { wandb } from 'wandb-ai-provider';

// `wandb` reads WANDB_API_KEY when the request is made.
const { text, usage, finishReason } = await generateText({
  model: wandb('meta-llama/Llama-3.3-70B-Instruct'),
  prompt: 'In two sentences: why do transformers use attention?',
});

console.log(text);
console.log(`\n[${finishReason}; ${usage.inputTokens} tokens in, ${usage.outputTokens} out]`);
