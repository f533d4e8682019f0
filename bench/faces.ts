/*
 * What the entries for older AI SDK majors add to the stream path: CPU per chunk of `doStream` on
 * the 50k-text-chunk stream through the root entry (ai@7) and through /v3, /v2 and /v1, which put
 * one translating stage in front of the same core. Same method as stream-cpu.ts.
 * Run: node --expose-gc bench/faces.ts
 */
import { createWandb as createWandbV4 } from 'wandb-ai-provider';
import { createWandb as createWandbV1 } from 'wandb-ai-provider/v1';
import { createWandb as createWandbV2 } from 'wandb-ai-provider/v2';
import { createWandb as createWandbV3 } from 'wandb-ai-provider/v3';
import { memoryFetch, prompt, type Fetch } from './contenders.ts';
import { textStream, type StreamFixture } from './fixtures.ts';
import { alternatingRuns, collectGarbage, median, progress, report } from './stats.ts';

const entries = [
  'wandb-ai-provider (ai@7)',
  'wandb-ai-provider/v3 (ai@6)',
  'wandb-ai-provider/v2 (ai@5)',
  'wandb-ai-provider/v1 (ai@4)',
] as const;
type Entry = (typeof entries)[number];

export type FacesResult = { stream: string; microsPerChunk: Record<Entry, number> };

const settings = (fetch: Fetch) => ({ apiKey: 'bench-key', fetch });
const MODEL_ID = 'moonshotai/Kimi-K2.7-Code';

/** Opens the entry's stream on `fixture`; every entry's parts are read the same way. */
function openStream(
  entry: Entry,
  fixture: StreamFixture,
): PromiseLike<{ stream: ReadableStream<{ type: string }> }> {
  const fetch = memoryFetch(fixture);
  switch (entry) {
    case 'wandb-ai-provider (ai@7)':
      return createWandbV4(settings(fetch))(MODEL_ID).doStream({ prompt });
    case 'wandb-ai-provider/v3 (ai@6)':
      return createWandbV3(settings(fetch))(MODEL_ID).doStream({ prompt });
    case 'wandb-ai-provider/v2 (ai@5)':
      return createWandbV2(settings(fetch))(MODEL_ID).doStream({ prompt });
    case 'wandb-ai-provider/v1 (ai@4)':
      return createWandbV1(settings(fetch))(MODEL_ID).doStream({
        inputFormat: 'prompt',
        mode: { type: 'regular' },
        prompt,
      });
  }
}

/** Reads every part; returns the number of text deltas, so a silent failure cannot pass for speed. */
async function readTextDeltas(entry: Entry, fixture: StreamFixture): Promise<number> {
  const reader = (await openStream(entry, fixture)).stream.getReader();
  let textDeltas = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    if (read.value.type === 'text-delta') textDeltas++;
    if (read.value.type === 'error') throw new Error(`${entry} reported an error part`);
  }
  return textDeltas;
}

const fixture = textStream(50_000);
progress(`older AI SDK entries: ${fixture.name}`);
for (const entry of entries) {
  const textDeltas = await readTextDeltas(entry, fixture);
  if (textDeltas !== fixture.expected.textDeltas)
    throw new Error(
      `${entry} emitted ${textDeltas} text deltas, expected ${fixture.expected.textDeltas}`,
    );
}
const samples = await alternatingRuns(entries, { rounds: 9, warmupRounds: 2 }, async entry => {
  collectGarbage();
  const start = process.cpuUsage();
  await readTextDeltas(entry, fixture);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / fixture.chunkCount;
});
report({
  stream: fixture.name,
  microsPerChunk: Object.fromEntries(
    entries.map(entry => [entry, median(samples[entry])]),
  ) as Record<Entry, number>,
} satisfies FacesResult);
