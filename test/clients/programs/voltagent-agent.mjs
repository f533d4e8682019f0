// A VoltAgent Agent (ai@6 inside) on the /v3 entry: text, a stream, a tool, an object, an image.
import { readFileSync } from 'node:fs';
import { Agent, createTool } from '@voltagent/core';
import { createWandb } from 'wandb-ai-provider/v3';
import { z } from 'zod';

const wandb = createWandb({
  apiKey: process.env.WANDB_API_KEY,
  baseURL: process.env.WANDB_BASE_URL,
});

const weather = createTool({
  name: 'get_weather',
  description: 'The current temperature in a city',
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => `${city}: 21°C`,
});

const agent = new Agent({
  name: 'Assistant',
  instructions: 'You are a helpful assistant.',
  model: wandb('openai/gpt-oss-120b'),
  tools: [weather],
});

const generated = await agent.generateText('Say hello');

const streamed = await agent.streamText('Say hello, streamed');
let streamedText = '';
for await (const piece of streamed.textStream) streamedText += piece;

const withTool = await agent.generateText('What is the weather in Paris?');

const object = await agent.generateObject(
  'Report the reading for Paris as JSON',
  z.object({ city: z.string(), temperatureC: z.number() }),
);

const image = await agent.generateText([
  {
    role: 'user',
    content: [
      { type: 'text', text: 'What is in this picture?' },
      { type: 'image', image: readFileSync(process.env.IMAGE_PATH), mediaType: 'image/png' },
    ],
  },
]);

console.log(
  JSON.stringify({
    generated: { text: generated.text, finishReason: generated.finishReason },
    streamedText,
    withTool: withTool.text,
    object: object.object,
    image: image.text,
  }),
);
// VoltAgent is a server framework: its timers keep the process alive after the work is done.
process.exit(0);
