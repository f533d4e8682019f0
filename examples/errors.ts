// What users see when a call fails: every failure is an AI SDK error with W&B's own message and
// what to do, and the AI SDK retries only what can heal (these two are not retried).
// Run: npm run example errors
import { APICallError, generateText } from 'ai';
import { createWandb, wandb } from 'wandb-ai-provider';

async function show(title: string, call: () => Promise<unknown>) {
  try {
    await call();
    console.log(`${title}: unexpectedly succeeded`);
  } catch (error) {
    console.log(`${title}:`);
    if (APICallError.isInstance(error)) {
      console.log(`  HTTP ${error.statusCode}, retryable: ${error.isRetryable}`);
    }
    console.log(`  ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

// A wrong API key: HTTP 401 (the key itself never appears in a message).
await show('A wrong API key', () =>
  generateText({
    model: createWandb({ apiKey: 'not-a-real-key' })('openai/gpt-oss-120b'),
    prompt: 'Hi',
  }),
);

// A model that W&B has retired (on 2026-04-21): HTTP 404.
await show('A retired model', () =>
  generateText({ model: wandb('meta-llama/Llama-4-Scout-17B-16E-Instruct'), prompt: 'Hi' }),
);
