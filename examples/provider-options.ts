// Per-call W&B options under `providerOptions.wandb`: turn thinking off for a model that has a
// toggle (`enableThinking` → chat_template_kwargs.enable_thinking), or set how hard a model
// reasons (`reasoningEffort` → reasoning_effort).
// Run: npm run example provider-options
import { generateText } from 'ai';
import { wandb } from 'wandb-ai-provider';

const prompt = 'What is the sum of the prime numbers between 10 and 30?';

// A subset of WandbChatOptions, the type of everything `providerOptions.wandb` takes.
async function ask(
  modelId: string,
  options: { enableThinking: boolean } | { reasoningEffort: 'low' | 'high' },
) {
  const { text, reasoningText, usage } = await generateText({
    model: wandb(modelId),
    prompt,
    providerOptions: { wandb: options }, // checked: an unknown or ill-typed key throws
  });
  console.log(`${modelId} ${JSON.stringify(options)}`);
  console.log(
    `  reasoning: ${reasoningText ? `${reasoningText.length} characters` : 'none'}; ${usage.outputTokens} tokens out`,
  );
  console.log(`  answer:    ${text}\n`);
}

// Qwen thinks by default; the toggle turns it off (faster, cheaper).
await ask('Qwen/Qwen3.6-35B-A3B', { enableThinking: true });
await ask('Qwen/Qwen3.6-35B-A3B', { enableThinking: false });

// gpt-oss always reasons; the effort sets how much. Accepted values depend on the model.
await ask('openai/gpt-oss-120b', { reasoningEffort: 'low' });
await ask('openai/gpt-oss-120b', { reasoningEffort: 'high' });
