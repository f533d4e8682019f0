/*
 * Heap per open stream: 1,000 concurrent `doStream` calls, each read up to its first text and then
 * left open mid-stream (a server waiting on the model), heap after a full GC minus the heap before.
 * Each run is a fresh process so the packages cannot share or hide each other's allocations;
 * the median of alternating runs.
 * Run: node bench/memory.ts          (spawns `node --expose-gc bench/memory.ts <package>` per run)
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ANCHOR_NAME, PACKAGE_NAME, memoryFetch, modelContenders, prompt } from './contenders.ts';
import { textStream } from './fixtures.ts';
import { alternatingRuns, median, progress, report } from './stats.ts';

export type MemoryResult = Record<
  typeof PACKAGE_NAME | typeof ANCHOR_NAME,
  { bytesPerOpenStream: number }
>;

const OPEN_STREAMS = 1_000;

async function measureInThisProcess(name: string): Promise<number> {
  const gc = globalThis.gc;
  if (gc == null) throw new Error('run with --expose-gc');
  const contender = modelContenders.find(candidate => candidate.name === name);
  if (contender == null) throw new Error(`unknown package ${name}`);
  // Far longer than what is read, so every stream stays open.
  const model = contender.createModel(memoryFetch(textStream(5_000)));

  const openUntilFirstText = async () => {
    const { stream } = await model.doStream({ prompt });
    const reader = stream.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      if (read.value.type === 'text-delta') return reader;
    }
    throw new Error(`${name} emitted no text-delta`);
  };

  // Warm up (JIT, lazily created state) and let the warm-up streams go.
  for (let i = 0; i < 50; i++) await (await openUntilFirstText()).cancel();
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const open = [];
  for (let i = 0; i < OPEN_STREAMS; i++) open.push(await openUntilFirstText());
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (open.length !== OPEN_STREAMS) throw new Error('streams were lost');
  return (after - before) / OPEN_STREAMS;
}

const childPackage = process.argv[2];
if (childPackage != null) {
  report(await measureInThisProcess(childPackage));
} else {
  progress(`memory: ${OPEN_STREAMS.toLocaleString('en-US')} open streams`);
  const names = modelContenders.map(contender => contender.name);
  const samples = await alternatingRuns(names, { rounds: 5, warmupRounds: 0 }, async name => {
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), name],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(`memory run for ${name} failed:\n${child.stderr}`);
    return Number(child.stdout.trim());
  });
  report({
    [PACKAGE_NAME]: { bytesPerOpenStream: median(samples[PACKAGE_NAME]) },
    [ANCHOR_NAME]: { bytesPerOpenStream: median(samples[ANCHOR_NAME]) },
  } satisfies MemoryResult);
}
