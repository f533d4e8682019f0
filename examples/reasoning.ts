// A reasoning model thinks before it answers: the reasoning and the answer arrive as separate
// parts, so an app can show, fold or drop the thinking.
// Run: npm run example reasoning
import { streamText } from 'ai';
import { wandb } from 'wandb-ai-provider';

// Dimmed reasoning only on a terminal, and never with NO_COLOR (https://no-color.org).
const useColour = process.stdout.isTTY === true && !process.env.NO_COLOR;
const [dim, undim] = useColour ? ['\x1b[2m', '\x1b[0m'] : ['', ''];

const result = streamText({
  model: wandb('openai/gpt-oss-120b'),
  prompt:
    'A bat and a ball cost $1.10 in total. The bat costs $1.00 more than the ball. How much is the ball?',
});

for await (const part of result.fullStream) {
  switch (part.type) {
    case 'reasoning-start':
      process.stdout.write(`Reasoning:\n${dim}`);
      break;
    case 'reasoning-delta':
      process.stdout.write(part.text);
      break;
    case 'reasoning-end':
      process.stdout.write(`${undim}\n\n`);
      break;
    case 'text-start':
      process.stdout.write('Answer:\n');
      break;
    case 'text-delta':
      process.stdout.write(part.text);
      break;
    case 'error':
      throw part.error;
  }
}
process.stdout.write('\n');

// After the stream, the same two are also available whole.
console.log(
  `\n[${(await result.reasoningText)?.length ?? 0} characters of reasoning, ${(await result.text).length} of answer]`,
);
