// An agent loop: the model calls a tool, the AI SDK runs it and sends the result back, and the
// model answers with it, all in one streamed call (`stopWhen` allows up to 5 steps).
// Run: npm run example tool-agent
import { stepCountIs, streamText, tool } from 'ai';
import { wandb } from 'wandb-ai-provider';
import { z } from 'zod';

// A stand-in weather service, so the example needs no other account.
const forecasts: Record<string, { celsius: number; conditions: string }> = {
  Paris: { celsius: 11, conditions: 'light rain' },
  Berlin: { celsius: 7, conditions: 'overcast' },
};

const weather = tool({
  description: 'The current weather in a city',
  inputSchema: z.object({ city: z.string().describe('a city name, e.g. Paris') }),
  execute: async ({ city }) => ({
    city,
    ...(forecasts[city] ?? { celsius: 15, conditions: 'unknown' }),
  }),
});

const result = streamText({
  model: wandb('moonshotai/Kimi-K2.6'),
  tools: { weather },
  stopWhen: stepCountIs(5),
  prompt: 'I am flying to Paris and then Berlin today. Should I take a jacket?',
});

// Dimmed reasoning only on a terminal, and never with NO_COLOR (https://no-color.org).
const useColour = process.stdout.isTTY === true && !process.env.NO_COLOR;
const dimmed = (text: string) => (useColour ? `\x1b[2m${text}\x1b[0m` : text);

for await (const part of result.fullStream) {
  switch (part.type) {
    case 'start-step':
      process.stdout.write('\n── step ──\n');
      break;
    case 'reasoning-delta':
      process.stdout.write(dimmed(part.text));
      break;
    case 'tool-call':
      process.stdout.write(`\n→ ${part.toolName}(${JSON.stringify(part.input)})`);
      break;
    case 'tool-result':
      process.stdout.write(`\n← ${JSON.stringify(part.output)}`);
      break;
    case 'text-delta':
      process.stdout.write(part.text);
      break;
    case 'error':
      throw part.error;
  }
}

const steps = await result.steps;
console.log(
  `\n\n[${steps.length} steps, ${steps.flatMap(step => step.toolCalls).length} tool calls]`,
);
