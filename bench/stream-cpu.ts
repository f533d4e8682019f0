/*
 * Stream-path CPU per chunk: `doStream` of each package on identical bytes, read to the end, the
 * raw floor, and the floor plus the part stream every `doStream` must feed. CPU time (user + system, so GC threads count too) over a whole stream, divided by
 * its number of chunks; the median over alternating runs.
 * Run: node --expose-gc bench/stream-cpu.ts
 */
import {
  ANCHOR_NAME,
  FLOOR_NAME,
  FLOOR_WITH_PARTS_NAME,
  PACKAGE_NAME,
  anchor,
  ourPackage,
  streamThroughFloor,
  streamThroughFloorWithPartStream,
  streamThroughModel,
} from './contenders.ts';
import { reasoningStream, textStream, toolCallStream, type StreamFixture } from './fixtures.ts';
import { alternatingRuns, collectGarbage, median, progress, report } from './stats.ts';

const names = [PACKAGE_NAME, ANCHOR_NAME, FLOOR_NAME, FLOOR_WITH_PARTS_NAME] as const;
type Name = (typeof names)[number];

export type StreamCpuResult = Array<{
  stream: string;
  chunkCount: number;
  /** Median CPU µs per chunk, by contender. */
  microsPerChunk: Record<Name, number>;
}>;

const fixtures = [textStream(50_000), toolCallStream(8, 6_000), reasoningStream(25_000, 25_000)];

async function runOnce(name: Name, fixture: StreamFixture): Promise<void> {
  switch (name) {
    case PACKAGE_NAME:
      await streamThroughModel(ourPackage, fixture);
      return;
    case ANCHOR_NAME:
      await streamThroughModel(anchor, fixture);
      return;
    case FLOOR_NAME:
      await streamThroughFloor(fixture);
      return;
    case FLOOR_WITH_PARTS_NAME:
      await streamThroughFloorWithPartStream(fixture);
      return;
  }
}

/** Both packages must emit the parts the fixture calls for, or their timings mean nothing. */
async function checkOutput(fixture: StreamFixture): Promise<void> {
  for (const contender of [ourPackage, anchor]) {
    const tally = await streamThroughModel(contender, fixture);
    for (const [kind, count] of Object.entries(fixture.expected)) {
      const got = tally[kind as keyof typeof fixture.expected];
      if (got !== count)
        throw new Error(
          `${contender.name} emitted ${got} ${kind} for "${fixture.name}", expected ${count}`,
        );
    }
  }
  for (const floor of [streamThroughFloor, streamThroughFloorWithPartStream]) {
    const chunks = await floor(fixture);
    if (chunks !== fixture.chunkCount)
      throw new Error(`${floor.name} read ${chunks} chunks, expected ${fixture.chunkCount}`);
  }
}

const result: StreamCpuResult = [];
for (const fixture of fixtures) {
  progress(`stream CPU: ${fixture.name}`);
  await checkOutput(fixture);
  const samples = await alternatingRuns(names, { rounds: 9, warmupRounds: 2 }, async name => {
    collectGarbage();
    const start = process.cpuUsage();
    await runOnce(name, fixture);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / fixture.chunkCount;
  });
  result.push({
    stream: fixture.name,
    chunkCount: fixture.chunkCount,
    microsPerChunk: Object.fromEntries(names.map(name => [name, median(samples[name])])) as Record<
      Name,
      number
    >,
  });
}
report(result);
