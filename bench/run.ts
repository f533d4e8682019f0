/*
 * `npm run bench`: runs every measurement in its own process (after the script has built `dist/`)
 * and prints one Markdown table comparing this package with @ai-sdk/openai-compatible.
 * Progress goes to stderr, the table to stdout.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ANCHOR_NAME, FLOOR_NAME, FLOOR_WITH_PARTS_NAME, PACKAGE_NAME } from './contenders.ts';
import type { FacesResult } from './faces.ts';
import type { FirstPartResult } from './first-part.ts';
import type { MemoryResult } from './memory.ts';
import type { PackageCostResult } from './package-cost.ts';
import type { StreamCpuResult } from './stream-cpu.ts';
import type { StreamTextResult } from './stream-text.ts';

function runMeasurement<T>(file: string): T {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const child = spawnSync(process.execPath, ['--expose-gc', path], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`${file} failed (exit code ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
}

process.stderr.write(
  'Benchmarking the built dist/ against @ai-sdk/openai-compatible (a few minutes)…\n',
);
const streamCpu = runMeasurement<StreamCpuResult>('./stream-cpu.ts');
const firstPart = runMeasurement<FirstPartResult>('./first-part.ts');
const streamText = runMeasurement<StreamTextResult>('./stream-text.ts');
const memory = runMeasurement<MemoryResult>('./memory.ts');
const packageCost = runMeasurement<PackageCostResult>('./package-cost.ts');
const faces = runMeasurement<FacesResult>('./faces.ts');

type Row = {
  measurement: string;
  ours: number;
  anchor: number;
  format: (value: number) => string;
  /** The target on ours / anchor, and whether more is better. */
  target: { ratio: number; higherIsBetter?: boolean };
  floor?: { value: number; maxRatio: number };
};

const micros = (value: number) => `${value.toFixed(2)} µs`;
const kib = (value: number) => `${(value / 1024).toFixed(1)} KiB`;
const millis = (value: number) => `${value.toFixed(1)} ms`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;

/** A row comparing one figure of both packages; by default the target is "at most the anchor's". */
function compare<Figures>(
  measurement: string,
  result: Record<typeof PACKAGE_NAME | typeof ANCHOR_NAME, Figures>,
  figure: (figures: Figures) => number,
  format: (value: number) => string,
  target: Row['target'] = { ratio: 1 },
): Row {
  return {
    measurement,
    ours: figure(result[PACKAGE_NAME]),
    anchor: figure(result[ANCHOR_NAME]),
    format,
    target,
  };
}

const rows: Row[] = [
  ...streamCpu.map(
    (stream): Row => ({
      measurement: `CPU per chunk: ${stream.stream}`,
      ours: stream.microsPerChunk[PACKAGE_NAME],
      anchor: stream.microsPerChunk[ANCHOR_NAME],
      format: micros,
      target: { ratio: 0.4 },
      floor: { value: stream.microsPerChunk[FLOOR_NAME], maxRatio: 2 },
    }),
  ),
  compare(
    'time from first byte to first text-delta',
    firstPart,
    figures => figures.microsToFirstText,
    value => `${value.toFixed(0)} µs`,
  ),
  compare(
    '`streamText` (ai@7) end to end, text chunks per second',
    streamText,
    figures => figures.chunksPerSecond,
    perSecond,
    {
      ratio: 1,
      higherIsBetter: true,
    },
  ),
  compare(
    'heap per open stream (1,000 open at once)',
    memory,
    figures => figures.bytesPerOpenStream,
    kib,
  ),
  compare(
    'cold import: `await import(…)` in a fresh `node -e`',
    packageCost,
    figures => figures.importMillis,
    millis,
  ),
  compare(
    'installed package (npm pack, unpacked)',
    packageCost,
    figures => figures.installedBytes,
    kib,
  ),
  compare('dist/ bytes', packageCost, figures => figures.distBytes, kib),
  compare(
    'ESM entry, minified + gzipped (own code)',
    packageCost,
    figures => figures.entryMinGzipBytes,
    kib,
  ),
  compare(
    'ESM entry, minified + gzipped (with dependencies, zod excluded)',
    packageCost,
    figures => figures.entryWithDependenciesMinGzipBytes,
    kib,
  ),
];

function targetText({ target, floor }: Row): string {
  const relation = target.higherIsBetter ? '≥' : '≤';
  const anchorPart =
    target.ratio === 1 ? `${relation} anchor` : `${relation} ${target.ratio}× anchor`;
  return floor == null ? anchorPart : `${anchorPart}, ≤ ${floor.maxRatio}× floor`;
}

function isMet({ ours, anchor, target, floor }: Row): boolean {
  const ratio = ours / anchor;
  const anchorMet = target.higherIsBetter ? ratio >= target.ratio : ratio <= target.ratio;
  return anchorMet && (floor == null || ours / floor.value <= floor.maxRatio);
}

const cpu = cpus();
const lines = [
  `Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `${osType()} ${release()}, Node ${process.version}. ${PACKAGE_NAME}: built dist/; anchor: ${ANCHOR_NAME}.`,
  '',
  `| measurement | ${PACKAGE_NAME} | ${ANCHOR_NAME} | ratio | raw floor | ratio to floor | target | met |`,
  '|---|---:|---:|---:|---:|---:|---|---|',
  ...rows.map(row =>
    [
      '',
      row.measurement,
      row.format(row.ours),
      row.format(row.anchor),
      `${(row.ours / row.anchor).toFixed(2)}×`,
      row.floor ? row.format(row.floor.value) : '–',
      row.floor ? `${(row.ours / row.floor.value).toFixed(2)}×` : '–',
      targetText(row),
      isMet(row) ? 'yes' : '**no**',
      '',
    ]
      .join(' | ')
      .trim(),
  ),
];
const withParts = streamCpu.map(stream => {
  const floor = stream.microsPerChunk[FLOOR_WITH_PARTS_NAME];
  return `${micros(floor)} (${stream.stream}: ${PACKAGE_NAME} ${(stream.microsPerChunk[PACKAGE_NAME] / floor).toFixed(2)}×)`;
});
lines.push(
  '',
  `Raw floor: reading the body, splitting events and \`JSON.parse\`, nothing else. The same floor plus one part per chunk ` +
    `handed through a ReadableStream to a reader, which every \`doStream\` must do: ${withParts.join('; ')}.`,
);

// The older majors' entries: the same core behind one translating stage (no anchor here, since
// @ai-sdk/openai-compatible ships one AI SDK major per release).
const [rootEntry, ...olderEntries] = Object.entries(faces.microsPerChunk);
lines.push(
  '',
  `CPU per chunk through each entry (${faces.stream}):`,
  '',
  '| entry | CPU per chunk | added to the root entry |',
  '|---|---:|---:|',
  `| ${rootEntry[0]} | ${micros(rootEntry[1])} | – |`,
  ...olderEntries.map(
    ([entry, value]) => `| ${entry} | ${micros(value)} | ${micros(value - rootEntry[1])} |`,
  ),
);
process.stdout.write(`${lines.join('\n')}\n`);
