// The models your key and project can use right now (W&B's catalog changes monthly).
// Run: npm run example list-models
import { wandb } from 'wandb-ai-provider';

const ids = await wandb.listModels();

console.log(`${ids.length} models:`);
for (const id of ids.sort((a, b) => a.localeCompare(b))) console.log(`  ${id}`);
