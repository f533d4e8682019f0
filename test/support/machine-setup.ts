/**
 * What the heavy suites' preparation scripts share: running a set-up step loudly, and Debian's
 * Chromium, installed with apt-get when it is missing (a test tool's own browser download cannot
 * work on a machine that reaches only package registries).
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** Runs one set-up command with its output shown; a failure names the step. */
export function setupStep(
  suite: string,
  title: string,
  command: string,
  args: string[],
  options: SpawnSyncOptions = {},
): void {
  console.error(`[${suite}] ${title}: ${command} ${args.join(' ')}`);
  const { status, error } = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (status !== 0)
    throw new Error(`[${suite}] ${title} failed (${error?.message ?? `exit code ${status}`}).`);
}

/** Debian's Chromium and a font, when /usr/bin/chromium is missing (needs root). */
export function ensureChromium(suite: string): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `[${suite}] ${CHROMIUM} is missing. Install Debian's Chromium: sudo apt-get install chromium`,
    );
  }
  const quiet = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  setupStep(
    suite,
    'Chromium is missing, updating the package lists',
    'apt-get',
    ['update', '-qq'],
    quiet,
  );
  // Fonts are only recommended by the package; without one the pages would render no text.
  setupStep(
    suite,
    'installing Debian chromium',
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'],
    quiet,
  );
}
