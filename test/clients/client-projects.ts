/**
 * Temp projects for the client suites: each program from `versions.ts` installed from the npm
 * registry into `.cache/clients/<name>` (git-ignored), next to this package's packed tarball, so
 * that the program resolves `wandb-ai-provider` exactly as a user's install would.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_PROJECTS, type ClientProjectName } from './versions.ts';

export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLIENTS_CACHE = join(REPOSITORY_ROOT, '.cache/clients');
/** npm's own cache for the temp projects (and for opencode's install of the provider). */
export const NPM_CACHE = join(REPOSITORY_ROOT, '.cache/npm');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function projectDir(name: ClientProjectName): string {
  return join(CLIENTS_CACHE, name);
}

/** Builds the package and packs it; returns the tarball's absolute path. */
export function packTarball(): string {
  const destination = join(CLIENTS_CACHE, 'tarball');
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  execFileSync(npm, ['run', 'build', '--silent'], {
    cwd: REPOSITORY_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // The build ran above; prepack would print its output into the JSON answer.
  const output = execFileSync(
    npm,
    ['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
    { cwd: REPOSITORY_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return join(destination, JSON.parse(output)[0].filename);
}

/**
 * Installs one program's pinned packages (and, unless the program installs the provider itself,
 * the tarball) into its temp project. Reruns reuse node_modules and the npm cache; the tarball
 * is always installed afresh, since its content changes under the same name.
 */
export function installProject(
  name: ClientProjectName,
  tarball: string,
  { withTarball = true }: { withTarball?: boolean } = {},
): string {
  const dir = projectDir(name);
  mkdirSync(dir, { recursive: true });
  const dependencies: Record<string, string> = { ...CLIENT_PROJECTS[name] };
  if (withTarball) dependencies['wandb-ai-provider'] = `file:${tarball}`;
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: `clients-${name}`, private: true, type: 'module', dependencies }, null, 2)}\n`,
  );
  rmSync(join(dir, 'node_modules/wandb-ai-provider'), { recursive: true, force: true });
  rmSync(join(dir, 'package-lock.json'), { force: true });
  execFileSync(
    npm,
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    {
      cwd: dir,
      env: { ...process.env, npm_config_cache: NPM_CACHE },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return dir;
}
