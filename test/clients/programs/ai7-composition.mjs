// ai@7's composition helpers around the root entry: a registry, a custom provider and
// wrapLanguageModel with three of ai's own middlewares.
import {
  createProviderRegistry,
  customProvider,
  defaultSettingsMiddleware,
  extractReasoningMiddleware,
  generateText,
  simulateStreamingMiddleware,
  streamText,
  wrapLanguageModel,
} from 'ai';
import { createWandb } from 'wandb-ai-provider';

const wandb = createWandb({
  apiKey: process.env.WANDB_API_KEY,
  baseURL: process.env.WANDB_BASE_URL,
});

// A second instance under another name reads its provider options under that name.
const acme = createWandb({
  name: 'acme',
  apiKey: process.env.WANDB_API_KEY,
  baseURL: process.env.WANDB_BASE_URL,
});
const registry = createProviderRegistry({ wandb, acme });
const fromRegistry = await generateText({
  model: registry.languageModel('wandb:openai/gpt-oss-120b'),
  prompt: 'Say hello',
});
const fromNamedInstance = await generateText({
  model: registry.languageModel('acme:openai/gpt-oss-20b'),
  prompt: 'Say hello',
  providerOptions: { acme: { reasoningEffort: 'high' } },
});

const custom = customProvider({
  languageModels: {
    fast: wrapLanguageModel({
      model: wandb('meta-llama/Llama-3.1-8B-Instruct'),
      middleware: defaultSettingsMiddleware({
        settings: {
          temperature: 0.3,
          maxOutputTokens: 64,
          providerOptions: { wandb: { reasoningEffort: 'low' } },
        },
      }),
    }),
  },
  fallbackProvider: wandb,
});
const fromAlias = await generateText({ model: custom.languageModel('fast'), prompt: 'Say hello' });
const fromFallback = await generateText({
  model: custom.languageModel('Qwen/Qwen3.6-35B-A3B'),
  prompt: 'Say hello',
});

const reasoning = await generateText({
  model: wrapLanguageModel({
    model: wandb('deepseek-ai/DeepSeek-V3.1'),
    middleware: extractReasoningMiddleware({ tagName: 'think' }),
  }),
  prompt: 'Add two and two; show your think tags',
});

const simulated = streamText({
  model: wrapLanguageModel({
    model: wandb('openai/gpt-oss-120b'),
    middleware: simulateStreamingMiddleware(),
  }),
  prompt: 'Say hello, simulated',
});
const simulatedParts = [];
for await (const part of simulated.fullStream) simulatedParts.push(part.type);

console.log(
  JSON.stringify({
    fromRegistry: { text: fromRegistry.text, modelId: fromRegistry.response.modelId },
    fromNamedInstance: fromNamedInstance.text,
    fromAlias: fromAlias.text,
    fromFallback: fromFallback.text,
    reasoning: { text: reasoning.text, reasoningText: reasoning.reasoningText },
    simulated: { text: await simulated.text, parts: simulatedParts },
  }),
);
