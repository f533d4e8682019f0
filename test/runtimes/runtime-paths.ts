/** Where `npm run test:runtimes` keeps its runtimes and bundles (all under the git-ignored .cache/). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const TOOLS_DIR = join(REPOSITORY_ROOT, '.cache', 'runtimes');
export const PROGRAMS_DIR = join(TOOLS_DIR, 'programs');
export const DENO_DIR = join(TOOLS_DIR, 'deno-dir');
export { CHROMIUM } from '../support/machine-setup.ts';

export function toolBinary(name: 'bun' | 'deno'): string {
  return join(TOOLS_DIR, 'node_modules', '.bin', name);
}
