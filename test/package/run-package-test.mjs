/**
 * Packaging smoke test (`npm run test:package`): packs this package, installs the tarball into
 * fresh consumer projects that each hold one `ai` major and nothing else of ours, type-checks a
 * user's file there (ESM and CJS resolution), and runs an ESM and a CJS consumer on each Node
 * version we support. Node binaries come from the npm registry (the `node` package) and are
 * cached in `.cache/package-test/` (gitignored); consumer projects live in the OS temp directory,
 * outside this repository, so nothing resolves from our own node_modules.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = join(root, '.cache/package-test');
const consumerFiles = join(root, 'test/package/consumer');

/**
 * The oldest release of each supported line. Our dependencies @ai-sdk/provider and
 * @ai-sdk/provider-utils declare Node 22 or newer, and the CommonJS build needs require(esm),
 * which the 22 line has from 22.12.
 */
const NODE_VERSIONS = ['22.12.0', '24.21.0'];
const MAJORS = [
  { ai: '4.3.19', entry: 'wandb-ai-provider/v1', specificationVersion: 'v1', minNode: 22 },
  { ai: '5.0.277', entry: 'wandb-ai-provider/v2', specificationVersion: 'v2', minNode: 22 },
  { ai: '6.0.326', entry: 'wandb-ai-provider/v3', specificationVersion: 'v3', minNode: 22 },
  { ai: '7.0.173', entry: 'wandb-ai-provider', specificationVersion: 'v4', minNode: 22 },
];
const ZOD_VERSION = '3.25.76';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quietInstall = ['install', '--no-audit', '--no-fund', '--loglevel=error'];

function run(command, args, options) {
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

/** A Node binary from the registry's `node` package, downloaded once into the cache. */
function nodeBinary(version) {
  const dir = join(cacheDir, `node-${version}`);
  const binary = join(dir, 'node_modules/node/bin/node');
  if (!existsSync(binary)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"private": true}\n');
    console.log(`downloading Node ${version} from the npm registry…`);
    run(npm, [...quietInstall, '--no-save', `node@${version}`], { cwd: dir });
  }
  const reported = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  if (reported !== `v${version}`)
    throw new Error(`${binary} reports ${reported}, expected v${version}`);
  return binary;
}

function pack(workDir) {
  console.log('building and packing…');
  run(npm, ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  // The build ran above; prepack would print its output into the JSON answer.
  const output = execFileSync(
    npm,
    ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return join(workDir, JSON.parse(output)[0].filename);
}

/** A user's file, checked as an ES module (.mts) and as CommonJS (.cts). */
function typeTest(major) {
  return [
    "import { generateText, type LanguageModel } from 'ai';",
    `import { createWandb, wandb, type WandbChatModelId, type WandbProvider } from '${major.entry}';`,
    "const id: WandbChatModelId = 'openai/gpt-oss-120b';",
    "const provider: WandbProvider = createWandb({ apiKey: 'key', project: 'team/project' });",
    'const model: LanguageModel = provider(id);',
    'export const defaultModel: LanguageModel = wandb.languageModel(id);',
    "export const run = () => generateText({ model, prompt: 'Hi', providerOptions: { wandb: { cacheSalt: 'salt' } } });",
    // Proof that the types resolved: were they `any`, these lines would not be errors.
    '// @ts-expect-error a model is not a string',
    'export const notAString: string = provider(id);',
    '// @ts-expect-error apiKey is a string',
    'createWandb({ apiKey: 42 });',
    '',
  ].join('\n');
}

function createConsumer(workDir, tarball, major) {
  const dir = join(workDir, `ai-${major.ai}`);
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `consumer-ai-${major.ai}`, private: true }, null, 2),
  );
  console.log(`installing the tarball with ai@${major.ai}…`);
  run(
    npm,
    [
      ...quietInstall,
      '--no-package-lock',
      '--engine-strict',
      tarball,
      `ai@${major.ai}`,
      `zod@${ZOD_VERSION}`,
    ],
    { cwd: dir },
  );
  cpSync(consumerFiles, dir, { recursive: true });
  writeFileSync(join(dir, 'types.mts'), typeTest(major));
  writeFileSync(join(dir, 'types.cts'), typeTest(major));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        lib: ['es2022', 'dom'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      files: ['types.mts', 'types.cts'],
    }),
  );
  return dir;
}

/**
 * Every package our published type files import must be installed for the consumer. tsc alone
 * would not notice a missing one: with `skipLibCheck` (what most projects set) it turns into `any`.
 */
function missingTypeImports(dir) {
  const packageDir = join(dir, 'node_modules/wandb-ai-provider');
  const typeFiles = readdirSync(join(packageDir, 'dist'), { recursive: true }).filter(file =>
    /\.d\.c?ts$/.test(file),
  );
  const missing = new Set();
  for (const file of typeFiles) {
    const text = readFileSync(join(packageDir, 'dist', file), 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import)\s+['"]([^'"./][^'"]*)['"]/g)) {
      const name = specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/');
      const installed = [packageDir, dir].some(base =>
        existsSync(join(base, 'node_modules', name)),
      );
      if (!installed) missing.add(`${name} (imported by dist/${file})`);
    }
  }
  return [...missing];
}

/**
 * npm checks `engines` against the Node it runs on, so the install is repeated (as a dry run, with
 * --engine-strict) by npm running on each Node line: any package in the tree that declares a
 * newer Node fails it with EBADENGINE.
 */
function engineStrictInstall(binary, dir, tarball, major) {
  const npmCli = process.env.npm_execpath;
  if (npmCli == null)
    throw new Error('Run this through `npm run test:package` (npm_execpath is unset).');
  const result = spawnSync(
    binary,
    [
      npmCli,
      ...quietInstall,
      '--dry-run',
      '--no-package-lock',
      '--engine-strict',
      tarball,
      `ai@${major.ai}`,
      `zod@${ZOD_VERSION}`,
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

function typeCheck(dir) {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], {
    encoding: 'utf8',
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

function runConsumer(binary, dir, file, major) {
  const result = spawnSync(binary, ['--no-warnings', file], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      WANDB_ENTRY: major.entry,
      SPECIFICATION_VERSION: major.specificationVersion,
    },
    timeout: 60_000,
  });
  return {
    ok: result.status === 0 && result.stdout.trim() === 'ok',
    output: `${result.stdout}${result.stderr}`.trim(),
  };
}

const workDir = mkdtempSync(join(tmpdir(), 'wandb-ai-provider-package-test-'));
const failures = [];
const rows = [];
try {
  const binaries = Object.fromEntries(NODE_VERSIONS.map(version => [version, nodeBinary(version)]));
  const tarball = pack(workDir);
  const packageVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

  for (const major of MAJORS) {
    const dir = createConsumer(workDir, tarball, major);
    const cells = [];
    const types = typeCheck(dir);
    const missing = missingTypeImports(dir);
    cells.push(types.ok && missing.length === 0 ? 'ok' : 'FAIL');
    if (!types.ok) failures.push(`tsc with ai@${major.ai}:\n${types.output}`);
    if (missing.length > 0)
      failures.push(`type imports not installed with ai@${major.ai}: ${missing.join(', ')}`);

    for (const version of NODE_VERSIONS) {
      if (Number(version.split('.')[0]) < major.minNode) {
        cells.push('–', '–', '–');
        continue;
      }
      const install = engineStrictInstall(binaries[version], dir, tarball, major);
      cells.push(install.ok ? 'ok' : 'FAIL');
      if (!install.ok)
        failures.push(
          `npm install --engine-strict with ai@${major.ai} on Node ${version}:\n${install.output}`,
        );
      for (const file of ['esm.mjs', 'cjs.cjs']) {
        const result = runConsumer(binaries[version], dir, file, major);
        cells.push(result.ok ? 'ok' : 'FAIL');
        if (!result.ok)
          failures.push(`${file} with ai@${major.ai} on Node ${version}:\n${result.output}`);
      }
    }
    rows.push(`| ai@${major.ai} | \`${major.entry}\` | ${cells.join(' | ')} |`);
  }

  console.log(`\nwandb-ai-provider@${packageVersion} from its tarball:\n`);
  console.log(
    `| ai | import | tsc (ESM + CJS) | ${NODE_VERSIONS.map(v => `Node ${v} install --engine-strict | Node ${v} ESM | Node ${v} CJS`).join(' | ')} |`,
  );
  console.log(`|---|---|---|${NODE_VERSIONS.map(() => '---|---|---|').join('')}`);
  for (const row of rows) console.log(row);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`\n${failures.length} failure(s):\n\n${failures.join('\n\n')}`);
  process.exit(1);
}
