// Ask a vision model about an image. Bytes are sent as a `data:` URL; an https URL would be
// passed to W&B as it is.
// Run: npm run example image-question
import { readFile } from 'node:fs/promises';
import { generateText } from 'ai';
import { wandb } from 'wandb-ai-provider';

const image = await readFile(new URL('./assets/shapes.png', import.meta.url));

const { text } = await generateText({
  model: wandb('Qwen/Qwen3.6-35B-A3B'), // W&B's model list says which models take images
  providerOptions: { wandb: { enableThinking: false } }, // a quick look needs no reasoning
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Which shapes and colors are in this picture?' },
        { type: 'file', data: image, mediaType: 'image/png' },
      ],
    },
  ],
});

console.log(text);
