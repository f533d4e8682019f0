// LangSmith's wrapAISDK (tracing to a loopback LangSmith endpoint) and the AI SDK devtools
// middleware, both around the root entry.
import { devToolsMiddleware } from '@ai-sdk/devtools';
import * as ai from 'ai';
import { Client } from 'langsmith';
import { wrapAISDK } from 'langsmith/experimental/vercel';
import { createWandb } from 'wandb-ai-provider';

const wandb = createWandb({
  apiKey: process.env.WANDB_API_KEY,
  baseURL: process.env.WANDB_BASE_URL,
});

const client = new Client({ apiUrl: process.env.LANGSMITH_ENDPOINT, apiKey: 'langsmith-test-key' });
const { generateText, streamText } = wrapAISDK(ai, { client });
const traced = await generateText({ model: wandb('openai/gpt-oss-120b'), prompt: 'Say hello' });
const tracedStream = streamText({
  model: wandb('openai/gpt-oss-120b'),
  prompt: 'Say hello, streamed',
});
const tracedStreamText = await tracedStream.text;
await client.awaitPendingTraceBatches();

const inspected = await ai.generateText({
  model: ai.wrapLanguageModel({
    model: wandb('openai/gpt-oss-120b'),
    middleware: devToolsMiddleware(),
  }),
  prompt: 'Say hello to devtools',
});

console.log(
  JSON.stringify({
    traced: traced.text,
    tracedStream: tracedStreamText,
    inspected: inspected.text,
  }),
);
