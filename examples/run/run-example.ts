// `npm run example <name>`: runs examples/<name>.ts, against W&B Inference when WANDB_API_KEY is
// set and against the local emulator otherwise. Builds the package first when dist/ is stale.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT, ensurePackageBuilt } from './ensure-package-built.ts';
import { runWithWandb } from './run-with-wandb.ts';

const examplesFolder = join(REPOSITORY_ROOT, 'examples');
const names = readdirSync(examplesFolder)
  .filter(file => file.endsWith('.ts'))
  .map(file => file.slice(0, -'.ts'.length))
  .sort();

const name = process.argv[2]?.replace(/\.ts$/, '');
if (name == null || !names.includes(name)) {
  console.error(
    `${name == null ? 'Name an example' : `There is no example '${name}'`}: npm run example <name>, one of\n  ${names.join('\n  ')}`,
  );
  process.exit(2);
}

ensurePackageBuilt();
process.exitCode = await runWithWandb(process.execPath, [join(examplesFolder, `${name}.ts`)], {
  cwd: REPOSITORY_ROOT,
});
