// A Mastra Agent on the root entry: generate, stream, a tool, structured output and an image.
import { readFileSync } from 'node:fs';
import { Agent } from '@mastra/core/agent';
import { createTool } from '@mastra/core/tools';
import { createWandb } from 'wandb-ai-provider';
import { z } from 'zod';

const wandb = createWandb({
  apiKey: process.env.WANDB_API_KEY,
  baseURL: process.env.WANDB_BASE_URL,
});

const weather = createTool({
  id: 'get_weather',
  description: 'The current temperature in a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => `${city}: 21°C`,
});

const agent = new Agent({
  id: 'assistant',
  name: 'Assistant',
  instructions: 'You are a helpful assistant.',
  model: wandb('openai/gpt-oss-120b'),
  tools: { get_weather: weather },
});

const generated = await agent.generate('Say hello');

const streamed = await agent.stream('Say hello, streamed');
let streamedText = '';
for await (const piece of streamed.textStream) streamedText += piece;

const withTool = await agent.generate('What is the weather in Paris?');

const structured = await agent.generate('Report the reading for Paris as JSON', {
  structuredOutput: { schema: z.object({ city: z.string(), temperatureC: z.number() }) },
});

const image = await agent.generate([
  {
    role: 'user',
    content: [
      { type: 'text', text: 'What is in this picture?' },
      { type: 'image', image: readFileSync(process.env.IMAGE_PATH), mimeType: 'image/png' },
    ],
  },
]);

console.log(
  JSON.stringify({
    generated: {
      text: generated.text,
      finishReason: generated.finishReason,
      usage: generated.usage,
    },
    streamedText,
    withTool: {
      text: withTool.text,
      toolResults: withTool.toolResults.map(result => result.payload ?? result),
    },
    structured: structured.object,
    image: image.text,
  }),
);
