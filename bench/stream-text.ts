/*
 * End to end, what users feel: `streamText` of ai@7 over each package, the text stream read to the
 * end, in text chunks per second of wall time (median of alternating runs).
 * Run: node --expose-gc bench/stream-text.ts
 */
import { streamText } from 'ai';
import { ANCHOR_NAME, PACKAGE_NAME, memoryFetch, modelContenders } from './contenders.ts';
import { textStream } from './fixtures.ts';
import { alternatingRuns, collectGarbage, median, progress, report } from './stats.ts';

export type StreamTextResult = Record<
  typeof PACKAGE_NAME | typeof ANCHOR_NAME,
  { chunksPerSecond: number }
>;

const fixture = textStream(20_000);

progress(`streamText: ${fixture.name}`);
const names = modelContenders.map(contender => contender.name);
const samples = await alternatingRuns(names, { rounds: 7, warmupRounds: 2 }, async name => {
  const contender = modelContenders.find(candidate => candidate.name === name)!;
  collectGarbage();
  const start = performance.now();
  const result = streamText({
    model: contender.createModel(memoryFetch(fixture)),
    prompt: 'Hi',
    maxRetries: 0,
  });
  let chunks = 0;
  for await (const text of result.textStream) if (text !== '') chunks++;
  const seconds = (performance.now() - start) / 1000;
  if (chunks !== fixture.expected.textDeltas)
    throw new Error(`${name}: ${chunks} text chunks, expected ${fixture.expected.textDeltas}`);
  return chunks / seconds;
});
report({
  [PACKAGE_NAME]: { chunksPerSecond: median(samples[PACKAGE_NAME]) },
  [ANCHOR_NAME]: { chunksPerSecond: median(samples[ANCHOR_NAME]) },
} satisfies StreamTextResult);
