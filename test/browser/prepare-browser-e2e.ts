/**
 * Gets a fresh machine ready for the browser test (`npm run test:browser`): Debian's Chromium
 * (installed with apt-get when /usr/bin/chromium is missing; no browser download of a test tool),
 * the package's dist/, and the Next.js app's own dependencies and production build.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT, ensurePackageBuilt } from '../../examples/run/ensure-package-built.ts';
import { ensureChromium, setupStep } from '../support/machine-setup.ts';

const APP = join(REPOSITORY_ROOT, 'examples', 'next-rsc');

ensureChromium('browser e2e');

ensurePackageBuilt();

// `npm ci` when the app's dependencies are missing or older than its lock file.
const installedLock = join(APP, 'node_modules', '.package-lock.json');
if (
  !existsSync(installedLock) ||
  statSync(installedLock).mtimeMs < statSync(join(APP, 'package-lock.json')).mtimeMs
) {
  setupStep(
    'browser e2e',
    "installing the app's dependencies",
    'npm',
    ['ci', '--no-audit', '--no-fund'],
    { cwd: APP },
  );
}

setupStep('browser e2e', 'building the app', 'npm', ['run', 'build'], {
  cwd: APP,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
