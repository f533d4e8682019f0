/**
 * The examples import `wandb-ai-provider` by its package name, which resolves to this repository's
 * `dist/`. This builds `dist/` (with the project's tsup) when it is missing or older than the
 * sources, so an example never runs yesterday's code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPOSITORY_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const BUILD_OUTPUTS = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts'];
const BUILD_INPUTS = ['src', 'package.json', 'tsup.config.ts'];

export function ensurePackageBuilt(): void {
  if (!isStale()) return;
  console.error('Building wandb-ai-provider into dist/ first (it is missing or older than src/) …');
  const tsupPackage = createRequire(join(REPOSITORY_ROOT, 'package.json')).resolve(
    'tsup/package.json',
  );
  const tsupBin = join(
    dirname(tsupPackage),
    JSON.parse(readFileSync(tsupPackage, 'utf8')).bin.tsup,
  );
  const build = spawnSync(process.execPath, [tsupBin, '--silent'], {
    cwd: REPOSITORY_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0)
    throw new Error(
      `Building the package failed (tsup exit code ${build.status}); run \`npm run build\` to see why.`,
    );
}

function isStale(): boolean {
  const outputs = BUILD_OUTPUTS.map(path => join(REPOSITORY_ROOT, path));
  if (!outputs.every(existsSync)) return true;
  const built = Math.min(...outputs.map(path => statSync(path).mtimeMs));
  return BUILD_INPUTS.some(path => newestChange(join(REPOSITORY_ROOT, path)) > built);
}

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(
    stats.mtimeMs,
    ...readdirSync(path).map(entry => newestChange(join(path, entry))),
  );
}
