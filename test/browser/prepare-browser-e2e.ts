/**
 * Gets a fresh machine ready for the browser test (`npm run test:browser`): Debian's Chromium
 * (installed with apt-get when /usr/bin/chromium is missing; no browser download of a test tool),
 * the package's dist/, and the Next.js app's own dependencies and production build.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT, ensurePackageBuilt } from '../../examples/run/ensure-package-built.ts';

const CHROMIUM = '/usr/bin/chromium';
const APP = join(REPOSITORY_ROOT, 'examples', 'next-rsc');

function step(title: string, command: string, args: string[], options: SpawnSyncOptions = {}) {
  console.error(`[browser e2e] ${title}: ${command} ${args.join(' ')}`);
  const { status, error } = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (status !== 0)
    throw new Error(`[browser e2e] ${title} failed (${error?.message ?? `exit code ${status}`}).`);
}

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    throw new Error(
      `[browser e2e] ${CHROMIUM} is missing. Install Debian's Chromium: sudo apt-get install chromium`,
    );
  }
  const quiet = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  step('Chromium is missing, updating the package lists', 'apt-get', ['update', '-qq'], quiet);
  // Fonts are only recommended by the package; without one the pages would render no text.
  step(
    'installing Debian chromium',
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'],
    quiet,
  );
}

ensurePackageBuilt();

// `npm ci` when the app's dependencies are missing or older than its lock file.
const installedLock = join(APP, 'node_modules', '.package-lock.json');
if (
  !existsSync(installedLock) ||
  statSync(installedLock).mtimeMs < statSync(join(APP, 'package-lock.json')).mtimeMs
) {
  step("installing the app's dependencies", 'npm', ['ci', '--no-audit', '--no-fund'], { cwd: APP });
}

step('building the app', 'npm', ['run', 'build'], {
  cwd: APP,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
