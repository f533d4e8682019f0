/** Small helpers shared by the measurements. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs every contender once per round, rotating who goes first, so drift (heat, GC debt, JIT)
 * hits all of them alike. The first `warmupRounds` rounds are run but not kept.
 */
export async function alternatingRuns<Name extends string>(
  names: readonly Name[],
  { rounds, warmupRounds }: { rounds: number; warmupRounds: number },
  run: (name: Name) => Promise<number>,
): Promise<Record<Name, number[]>> {
  const samples = Object.fromEntries(names.map(name => [name, [] as number[]])) as Record<
    Name,
    number[]
  >;
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (let turn = 0; turn < names.length; turn++) {
      const name = names[(round + turn) % names.length];
      const value = await run(name);
      if (round >= warmupRounds) samples[name].push(value);
    }
  }
  return samples;
}

/** Collects garbage if the process was started with `--expose-gc`, so one run's garbage is not billed to the next. */
export function collectGarbage(): void {
  globalThis.gc?.();
}

/** A measurement's result goes to stdout as one JSON line; progress goes to stderr. */
export function report(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}
