/**
 * README snippet test (`npm run test:readme`): every TypeScript block in the README's Quick start,
 * Compatibility and "Use with…" sections runs as written, the way a new user runs it. The package
 * is packed; each block goes into a fresh ES-module app that holds only the tarball, zod and the
 * `ai` major the block imports for (`wandb-ai-provider/v1` → ai@4, … the root → ai@7), plus the
 * packages the block itself imports. The emulator is the one users get, `npx wandb-emulator` from
 * the installed tarball. A block passes when `tsc` accepts it as a `.mts` file, `node` runs it as a
 * `.mjs` file with exit code 0, it prints something, and it writes nothing to stderr (the AI SDK
 * prints its warnings there, deprecations included) but the warnings the block itself announces to
 * its reader (`// … prints "AI SDK Warning: …": why`). A first line `// Run with: NAME=value node …`
 * sets those variables, as the reader is told to.
 *
 * Installs go through the npm cache in `.cache/npm`; apps live in the OS temp directory, outside
 * this repository, so nothing resolves from our own node_modules.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CLIENT_PROJECTS } from '../clients/versions.ts';
import { extractSnippets } from './extract-snippets.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const npmCache = join(root, '.cache/npm');

/** The `ai` release each entry is tested with (the README's compatibility table names them). */
const AI_FOR_ENTRY = {
  'wandb-ai-provider/v1': '4.3.19',
  'wandb-ai-provider/v2': '5.0.277',
  'wandb-ai-provider/v3': '6.0.326',
  'wandb-ai-provider': '7.0.173',
  'wandb-ai-provider/v4': '7.0.173',
};
const ZOD_VERSION = '3.25.76';
/** What a TypeScript user adds to run the same file as `index.ts` (the README says so). */
const TYPES_NODE_VERSION = '24.19.2';
/**
 * Packages a block may import beyond `ai`, zod and ours: the versions `npm run test:clients`
 * drives (`test/clients/versions.ts`, the one place they are pinned).
 */
const PINNED = Object.assign({}, ...Object.values(CLIENT_PROJECTS));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args, options) {
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

function pack(workDir) {
  run(npm, ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const output = execFileSync(
    npm,
    ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return join(workDir, JSON.parse(output)[0].filename);
}

/** One app per set of dependencies: blocks for the same major with the same imports share it. */
function createApp(workDir, tarball, ai, packages) {
  const dir = join(workDir, `app-${ai}-${packages.join('+') || 'plain'}`.replace(/[@/]/g, '_'));
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'readme-snippet-app', private: true, type: 'module' }, null, 2)}\n`,
  );
  const specs = packages.map(name => {
    const version = PINNED[name];
    if (!version) throw new Error(`README block imports ${name}: pin it in PINNED first`);
    return `${name}@${version}`;
  });
  console.log(
    `installing the tarball with ai@${ai}${specs.length ? `, ${specs.join(', ')}` : ''}…`,
  );
  run(
    npm,
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      '--no-package-lock',
      tarball,
      `ai@${ai}`,
      `zod@${ZOD_VERSION}`,
      `@types/node@${TYPES_NODE_VERSION}`,
      ...specs,
    ],
    { cwd: dir, env: { ...process.env, npm_config_cache: npmCache } },
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        lib: ['es2022', 'dom'],
        types: ['node'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      include: ['*.mts'],
    }),
  );
  return dir;
}

/** Starts the installed `wandb-emulator` bin and resolves with the base URL it prints first. */
function startEmulator(appDir) {
  const child = spawn(join(appDir, 'node_modules/.bin/wandb-emulator'), ['--port', '0'], {
    cwd: appDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', code => reject(new Error(`wandb-emulator exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', line => {
      const match = /^WANDB_BASE_URL=(\S+)$/.exec(line);
      if (!match) reject(new Error(`wandb-emulator's first line is not WANDB_BASE_URL=…: ${line}`));
      else resolvePromise({ baseURL: match[1], stop: () => child.kill('SIGTERM') });
    });
  });
}

function typeCheck(dir) {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  // Run in the app, so that tsc names the files relative to it (`snippet-1.mts(9,46): …`).
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** Variables a block asks for in its first line, `// Run with: NAME=value … node app.mjs`. */
function environmentAskedFor(code) {
  const match = /^\/\/ Run with: ((?:[A-Z_]+=\S+ )+)node /.exec(code);
  if (!match) return {};
  return Object.fromEntries(
    match[1]
      .trim()
      .split(' ')
      .map(pair => pair.split('=')),
  );
}

/** Warnings a block says it prints, in a comment `// ai@6 prints "AI SDK Warning: ……": why`. */
function warningsAnnounced(code) {
  return [...code.matchAll(/^\/\/ .* prints "([^"…]+)…"/gm)].map(match => match[1]);
}

function runSnippet(dir, file, baseURL, code) {
  const result = spawnSync(process.execPath, [file], {
    cwd: dir,
    encoding: 'utf8',
    // A user's shell: a key and the emulator's URL, nothing of this repository's environment.
    env: {
      PATH: process.env.PATH,
      WANDB_API_KEY: 'readme-snippet-key',
      WANDB_BASE_URL: baseURL,
      ...environmentAskedFor(code),
    },
    timeout: 60_000,
  });
  const problems = [];
  if (result.status !== 0) problems.push(`exit code ${result.status ?? result.signal}`);
  if (result.stdout.trim() === '') problems.push('printed nothing');
  const unexpected = result.stderr
    .split('\n')
    .filter(
      line => line.trim() !== '' && !warningsAnnounced(code).some(start => line.startsWith(start)),
    );
  if (unexpected.length > 0) problems.push('wrote to stderr');
  return { problems, output: `${result.stdout}${result.stderr}`.trim() };
}

const snippets = extractSnippets(readFileSync(join(root, 'README.md'), 'utf8'));
if (snippets.length === 0) throw new Error('found no README blocks to run');
const workDir = mkdtempSync(join(tmpdir(), 'wandb-ai-provider-readme-'));
const failures = [];
let passed = 0;
let emulator;
try {
  const tarball = pack(workDir);
  const apps = new Map();
  for (const snippet of snippets) {
    const ai = AI_FOR_ENTRY[snippet.entry];
    const key = `${ai} ${snippet.packages.join(' ')}`;
    if (!apps.has(key)) apps.set(key, createApp(workDir, tarball, ai, snippet.packages));
    snippet.dir = apps.get(key);
    snippet.ai = ai;
  }
  for (const snippet of snippets) {
    writeFileSync(join(snippet.dir, `${snippet.name}.mts`), snippet.code);
    writeFileSync(join(snippet.dir, `${snippet.name}.mjs`), snippet.code);
  }
  emulator = await startEmulator(snippets.find(snippet => snippet.ai.startsWith('7.')).dir);

  const typeErrors = new Map([...new Set(snippets.map(s => s.dir))].map(d => [d, typeCheck(d)]));
  for (const snippet of snippets) {
    const label = `${snippet.section} #${snippet.index} (line ${snippet.line}, ai@${snippet.ai})`;
    const types = typeErrors.get(snippet.dir);
    const ownTypeErrors = types.ok
      ? []
      : types.output.split('\n').filter(line => line.startsWith(`${snippet.name}.mts(`));
    const result = runSnippet(snippet.dir, `${snippet.name}.mjs`, emulator.baseURL, snippet.code);
    if (ownTypeErrors.length > 0) result.problems.push('tsc errors');
    if (result.problems.length === 0) {
      passed += 1;
      console.log(`✓ ${label}`);
    } else {
      console.log(`✗ ${label}: ${result.problems.join(', ')}`);
      failures.push(
        `${label}: ${result.problems.join(', ')}\n${[...ownTypeErrors, result.output].join('\n')}`,
      );
    }
  }
  // A tsc failure that names no snippet (a broken install, say) must not pass unseen.
  for (const [dir, types] of typeErrors) {
    const named = snippets.some(s => s.dir === dir && types.output.includes(`${s.name}.mts(`));
    if (!types.ok && !named) failures.push(`tsc in ${dir}:\n${types.output}`);
  }
} finally {
  emulator?.stop();
  rmSync(workDir, { recursive: true, force: true });
}

if (failures.length > 0) console.error(`\n${failures.join('\n\n')}\n`);
console.log(`\nsnippets: ${passed} passed, ${snippets.length - passed} failed`);
process.exit(failures.length > 0 ? 1 : 0);
