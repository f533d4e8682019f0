/*
 * What the package costs before the first token: cold import time (a fresh `node -e` timing its
 * `await import(…)` of the package, median of alternating runs; timing inside the process keeps
 * node's own start-up and exit out of the figure), what `npm install` puts
 * on disk for the package itself (both need @ai-sdk/provider and @ai-sdk/provider-utils besides),
 * and the ESM entry bundled, minified and gzipped (with and without its dependencies; zod, a peer
 * of both, stays out).
 * Run: node bench/package-cost.ts   (after `npm run build`)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ANCHOR_NAME, PACKAGE_NAME } from './contenders.ts';
import { alternatingRuns, median, progress, report } from './stats.ts';

type Name = typeof PACKAGE_NAME | typeof ANCHOR_NAME;

export type PackageCostResult = Record<
  Name,
  {
    importMillis: number;
    installedBytes: number;
    distBytes: number;
    entryMinGzipBytes: number;
    entryWithDependenciesMinGzipBytes: number;
  }
>;

const root = fileURLToPath(new URL('..', import.meta.url));

/** Where each package's files are, to pack and bundle exactly what users get. */
const packageDirectory: Record<Name, string> = {
  [PACKAGE_NAME]: root,
  [ANCHOR_NAME]: `${root}node_modules/${ANCHOR_NAME}`,
};

function coldImportMillis(name: Name): Promise<number> {
  const code = `const start = performance.now(); await import(${JSON.stringify(name)}); console.log(performance.now() - start);`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`importing ${name} failed:\n${child.stderr}`);
  return Promise.resolve(Number(child.stdout.trim()));
}

/** The file list `npm pack` would publish (the package's own `files`), without running its scripts. */
function packedFiles(name: Name): {
  unpackedSize: number;
  files: Array<{ path: string; size: number }>;
} {
  const output = execFileSync(
    'npm',
    ['pack', '--dry-run', '--json', '--ignore-scripts', packageDirectory[name]],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  return JSON.parse(output)[0];
}

/** Bare specifiers a bundle leaves out: zod (a peer of both) and, for the own-code figure, the dependencies. */
function externals(name: Name, withDependencies: boolean): string[] {
  const manifest = JSON.parse(readFileSync(`${packageDirectory[name]}/package.json`, 'utf8'));
  const names = [
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...(withDependencies ? [] : Object.keys(manifest.dependencies ?? {})),
  ];
  return names.flatMap(external => [external, `${external}/*`]);
}

async function minGzipBytes(name: Name, withDependencies: boolean): Promise<number> {
  const bundle = await build({
    stdin: { contents: `export * from ${JSON.stringify(name)};`, resolveDir: root },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: externals(name, withDependencies),
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(bundle.outputFiles[0].contents, { level: 9 }).length;
}

progress('package: cold import, installed size, bundle size');
const importSamples = await alternatingRuns(
  [PACKAGE_NAME, ANCHOR_NAME] as const,
  { rounds: 41, warmupRounds: 3 },
  coldImportMillis,
);

const result = {} as PackageCostResult;
for (const name of [PACKAGE_NAME, ANCHOR_NAME] as const) {
  const packed = packedFiles(name);
  result[name] = {
    importMillis: median(importSamples[name]),
    installedBytes: packed.unpackedSize,
    distBytes: packed.files
      .filter(file => file.path.startsWith('dist/'))
      .reduce((sum, file) => sum + file.size, 0),
    entryMinGzipBytes: await minGzipBytes(name, false),
    entryWithDependenciesMinGzipBytes: await minGzipBytes(name, true),
  };
}
report(result);
