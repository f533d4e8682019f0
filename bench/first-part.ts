/*
 * Time to first part: from the moment the response and its first bytes are available (the fetch
 * resolves) to the first `text-delta` a reader gets from `doStream`. The median over many
 * alternating streams; each stream is cancelled after its first text.
 * Run: node --expose-gc bench/first-part.ts
 */
import {
  ANCHOR_NAME,
  PACKAGE_NAME,
  memoryFetch,
  modelContenders,
  prompt,
  type ModelContender,
} from './contenders.ts';
import { textStream } from './fixtures.ts';
import { alternatingRuns, median, progress, report } from './stats.ts';

export type FirstPartResult = Record<
  typeof PACKAGE_NAME | typeof ANCHOR_NAME,
  { microsToFirstText: number }
>;

const fixture = textStream(200);

async function microsToFirstText(contender: ModelContender): Promise<number> {
  let firstByteAt = 0;
  const model = contender.createModel(
    memoryFetch(fixture, () => (firstByteAt = performance.now())),
  );
  const { stream } = await model.doStream({ prompt });
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    if (read.value.type === 'text-delta') {
      const micros = (performance.now() - firstByteAt) * 1000;
      await reader.cancel();
      return micros;
    }
  }
  throw new Error(`${contender.name} emitted no text-delta`);
}

progress('time to first part');
const names = modelContenders.map(contender => contender.name);
const samples = await alternatingRuns(names, { rounds: 2_000, warmupRounds: 200 }, name =>
  microsToFirstText(modelContenders.find(contender => contender.name === name)!),
);
report({
  [PACKAGE_NAME]: { microsToFirstText: median(samples[PACKAGE_NAME]) },
  [ANCHOR_NAME]: { microsToFirstText: median(samples[ANCHOR_NAME]) },
} satisfies FirstPartResult);
