// An ES module consumer: `import` of the package entry named in WANDB_ENTRY.
import * as ai from 'ai';
import scenario from './scenario.cjs';

const wandb = await import(process.env.WANDB_ENTRY);
await scenario.runScenario({ wandb, ai, specificationVersion: process.env.SPECIFICATION_VERSION });
await scenario.checkWeaveNeedsItsPeers(() => import('wandb-ai-provider/weave'));
console.log('ok');
