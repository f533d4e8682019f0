// Call your own fine-tuned LoRA adapter: its W&B artifact path is the model id, and `project`
// must be the team/project that holds the artifact.
// Run: npm run example lora-model   (with a key: set WANDB_LORA_ARTIFACT to your artifact path)
import { generateText } from 'ai';
import { createWandb } from 'wandb-ai-provider';

const artifact =
  process.env.WANDB_LORA_ARTIFACT ?? 'wandb-artifact:///acme-support/assistant/support-lora:v3';
// 'wandb-artifact:///team/project/name:alias' → 'team/project'
const project = artifact.replace('wandb-artifact:///', '').split('/').slice(0, 2).join('/');

const wandb = createWandb({ project });

const { text } = await generateText({
  model: wandb(artifact), // passed through verbatim, `:` and `///` included
  prompt: 'Can I get a refund on my annual plan?',
});

console.log(`${artifact} says:\n${text}`);
