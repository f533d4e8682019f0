/**
 * Gets a fresh machine ready for `npm run test:runtimes`: the pinned runtimes from
 * test/runtimes/tools/ (Bun, Deno, edge-runtime, Miniflare with workerd; all binaries come from
 * their npm packages) installed into .cache/runtimes/, Debian's Chromium, the package's dist/, and
 * the scenario bundled with esbuild for each kind of runtime.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { REPOSITORY_ROOT, ensurePackageBuilt } from '../../examples/run/ensure-package-built.ts';
import { ensureChromium, setupStep } from '../support/machine-setup.ts';
import { PROGRAMS_DIR, TOOLS_DIR } from './runtime-paths.ts';

// The runtimes: `npm ci` into the cache when they are missing or their lock file changed.
const pinned = join(REPOSITORY_ROOT, 'test', 'runtimes', 'tools');
const lock = (dir: string) =>
  existsSync(join(dir, 'package-lock.json'))
    ? readFileSync(join(dir, 'package-lock.json'), 'utf8')
    : '';
if (lock(pinned) !== lock(TOOLS_DIR) || !existsSync(join(TOOLS_DIR, 'node_modules'))) {
  mkdirSync(TOOLS_DIR, { recursive: true });
  for (const file of ['package.json', 'package-lock.json'])
    copyFileSync(join(pinned, file), join(TOOLS_DIR, file));
  setupStep(
    'runtimes',
    'installing the runtimes from the npm registry',
    'npm',
    ['ci', '--no-audit', '--no-fund'],
    {
      cwd: TOOLS_DIR,
      env: { ...process.env, npm_config_cache: join(REPOSITORY_ROOT, '.cache', 'npm') },
    },
  );
}

ensureChromium('runtimes');

ensurePackageBuilt();

// One bundle per kind of runtime, resolved the way that runtime's own bundler resolves packages
// (Wrangler: workerd/worker/browser; Vercel's edge build: edge-light/worker/browser). The package
// is the built dist/ (what `import` resolves to in an installed package); `ai` and zod come from
// this repository's node_modules. `neutral`/`browser`: Node built-ins cannot sneak in.
const nodeRequire =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";
const bundles: BuildOptions[] = [
  // Bun and Deno run Node packages with Node's conditions and built-ins (`ai` pulls in
  // @vercel/oidc, whose Node build requires `fs` lazily).
  {
    entryPoints: ['cli-entry.ts'],
    outfile: 'cli.mjs',
    format: 'esm',
    platform: 'node',
    banner: { js: nodeRequire },
  },
  {
    entryPoints: ['provider-only-entry.ts'],
    outfile: 'provider-only.mjs',
    format: 'esm',
    platform: 'node',
  },
  {
    entryPoints: ['worker-entry.ts'],
    outfile: 'worker.mjs',
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
  },
  {
    entryPoints: ['global-entry.ts'],
    outfile: 'edge.js',
    format: 'iife',
    platform: 'neutral',
    conditions: ['edge-light', 'worker', 'browser'],
  },
  { entryPoints: ['global-entry.ts'], outfile: 'browser.js', format: 'iife', platform: 'browser' },
];
for (const options of bundles) {
  await build({
    ...options,
    absWorkingDir: join(REPOSITORY_ROOT, 'test', 'runtimes', 'program'),
    outfile: join(PROGRAMS_DIR, options.outfile as string),
    bundle: true,
    mainFields: options.platform === 'node' ? ['module', 'main'] : ['browser', 'module', 'main'],
    target: 'es2022',
    alias: { 'wandb-ai-provider': join(REPOSITORY_ROOT, 'dist', 'index.js') },
    logLevel: 'warning',
  });
}
console.error(`[runtimes] bundled the scenario into ${PROGRAMS_DIR}`);
