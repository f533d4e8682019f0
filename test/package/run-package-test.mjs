/**
 * Packaging smoke test (`npm run test:package`): packs this package, installs the tarball into
 * fresh consumer projects that each hold one `ai` major and nothing else of ours, type-checks a
 * user's file there (ESM and CJS resolution), and runs an ESM and a CJS consumer on each Node
 * version we support. Node binaries come from the npm registry (the `node` package) and are
 * cached in `.cache/package-test/` (gitignored); consumer projects live in the OS temp directory,
 * outside this repository, so nothing resolves from our own node_modules.
 *
 * Then, on each Node version, `npx wandb-emulator` from the installed tarball answers the README's
 * Quick start (ai@7) and a structured-output request (ai@6 and ai@7).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
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
import { delimiter, dirname, join, resolve } from 'node:path';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
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
  // `/weave`'s types name its optional peers (OpenTelemetry's Tracer): whoever imports that entry
  // installs them (the entry does not load without them), so they are not missing for the others.
  const { peerDependenciesMeta = {} } = JSON.parse(
    readFileSync(join(packageDir, 'package.json'), 'utf8'),
  );
  const weavePeers = new Set(
    Object.keys(peerDependenciesMeta).filter(name => peerDependenciesMeta[name].optional),
  );
  const missing = new Set();
  for (const file of typeFiles) {
    const text = readFileSync(join(packageDir, 'dist', file), 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import)\s+['"]([^'"./][^'"]*)['"]/g)) {
      const name = specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/');
      if (file.startsWith('weave/') && weavePeers.has(name)) continue;
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

/** The README's Quick start, as a user copies it into an ES module. */
function quickStartOfReadme() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## Quick start$/m)[1]?.split(/^## /m)[0] ?? '';
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (code == null) throw new Error('README.md has no ```ts block under "## Quick start"');
  return code;
}

/** `npx wandb-emulator` in `dir`, with `binary`'s Node first on PATH; resolves once it serves. */
function startEmulator(binary, dir) {
  const child = spawn(npm === 'npm.cmd' ? 'npx.cmd' : 'npx', ['--no-install', 'wandb-emulator'], {
    cwd: dir,
    env: { PATH: `${dirname(binary)}${delimiter}${process.env.PATH}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', piece => (stderr += piece));
  const exited = new Promise(resolve =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const firstLine = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no first line in 30 s; stderr: ${stderr}`)),
      30_000,
    );
    createInterface({ input: child.stdout }).once('line', line => {
      clearTimeout(timer);
      resolve(line);
    });
    exited.then(({ code }) => reject(new Error(`exited with ${code} before serving: ${stderr}`)));
  });
  return { child, firstLine, exited, stderr: () => stderr };
}

/** Whether nothing accepts connections on `port` any more, checked until `ms` have passed. */
async function portClosesWithin(port, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const open = await new Promise(resolve => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (!open) return true;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return false;
}

/** The installed bin run by `binary` directly: it serves, then exits 0 on SIGTERM. */
async function stopsCleanly(binary, dir) {
  const bin = join(dir, 'node_modules/wandb-ai-provider/dist/bin/wandb-emulator.js');
  const child = spawn(binary, [bin], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', piece => (output += piece));
  const exited = new Promise(resolve =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise(resolve => createInterface({ input: child.stdout }).once('line', resolve));
  child.kill('SIGTERM');
  const { code, signal } = await exited;
  return { ok: code === 0, output: `exit ${code ?? signal}; ${output}` };
}

/** Runs `file` in `dir` with `binary` against the emulator at `baseURL`. */
function runAgainstEmulator(binary, dir, file, entry, baseURL) {
  const result = spawnSync(binary, ['--no-warnings', file], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      WANDB_ENTRY: entry,
      WANDB_API_KEY: 'any-key',
      WANDB_BASE_URL: baseURL,
    },
    timeout: 60_000,
  });
  return {
    ok: result.status === 0,
    stdout: result.stdout,
    output: `${result.stdout}${result.stderr}`.trim(),
  };
}

/**
 * On each Node version: the emulator from the ai@7 consumer's install serves the Quick start (run
 * with that Node, or with the newest when ai@7 does not support it) and structured output through
 * ai@7 and through ai@6's `wandb-ai-provider/v3` on that same Node.
 */
async function emulatorChecks(binaries, consumers) {
  const ai7 = consumers.find(({ major }) => major.entry === 'wandb-ai-provider');
  const ai6 = consumers.find(({ major }) => major.entry === 'wandb-ai-provider/v3');
  writeFileSync(join(ai7.dir, 'quick-start.mjs'), quickStartOfReadme());
  const newest = NODE_VERSIONS.at(-1);
  const rows = [];
  for (const version of NODE_VERSIONS) {
    const cells = [];
    const emulator = startEmulator(binaries[version], ai7.dir);
    try {
      const firstLine = await emulator.firstLine;
      const match = /^WANDB_BASE_URL=(http:\/\/127\.0\.0\.1:\d+\/v1)$/.exec(firstLine);
      if (match == null) throw new Error(`unexpected first line: ${firstLine}`);
      const baseURL = match[1];
      const quickStartNode = Number(version.split('.')[0]) >= ai7.major.minNode ? version : newest;
      const checks = [
        ['Quick start', ai7, 'quick-start.mjs', quickStartNode, /W&B emulator/],
        ['Output.object ai@7', ai7, 'structured-output.mjs', quickStartNode, /"landmarks":\[/],
        ['Output.object ai@6', ai6, 'structured-output.mjs', version, /"landmarks":\[/],
      ];
      for (const [name, consumer, file, clientVersion, expected] of checks) {
        const result = runAgainstEmulator(
          binaries[clientVersion],
          consumer.dir,
          file,
          consumer.major.entry,
          baseURL,
        );
        const ok = result.ok && expected.test(result.stdout);
        cells.push(
          ok ? (clientVersion === version ? 'ok' : `ok (app on Node ${clientVersion})`) : 'FAIL',
        );
        if (!ok)
          failures.push(`${name} against the emulator on Node ${version}:\n${result.output}`);
      }
      // A supervisor's SIGTERM reaches npm only; the emulator must notice and stop too.
      emulator.child.kill('SIGTERM');
      await emulator.exited;
      const closed = await portClosesWithin(new URL(baseURL).port, 10_000);
      const direct = await stopsCleanly(binaries[version], ai7.dir);
      cells.push(closed && direct.ok ? 'ok' : 'FAIL');
      if (!closed)
        failures.push(`npx wandb-emulator on Node ${version} still serves after SIGTERM`);
      if (!direct.ok) failures.push(`wandb-emulator on Node ${version}, SIGTERM: ${direct.output}`);
    } catch (error) {
      emulator.child.kill('SIGKILL');
      failures.push(`npx wandb-emulator on Node ${version}: ${error.message}`);
      cells.push('FAIL');
    }
    rows.push(`| Node ${version} | ${cells.join(' | ')} |`);
  }
  console.log('\n`npx wandb-emulator` from the installed tarball:\n');
  console.log(
    '| emulator on | README Quick start (ai@7) | Output.object (ai@7) | Output.object (ai@6, same Node) | stops on SIGTERM (npx; bin exit 0) |',
  );
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

const workDir = mkdtempSync(join(tmpdir(), 'wandb-ai-provider-package-test-'));
const failures = [];
const rows = [];
try {
  const binaries = Object.fromEntries(NODE_VERSIONS.map(version => [version, nodeBinary(version)]));
  const tarball = pack(workDir);
  const packageVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

  const consumers = [];
  for (const major of MAJORS) {
    const dir = createConsumer(workDir, tarball, major);
    consumers.push({ major, dir });
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

  await emulatorChecks(binaries, consumers);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`\n${failures.length} failure(s):\n\n${failures.join('\n\n')}`);
  process.exit(1);
}
