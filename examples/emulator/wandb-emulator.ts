/**
 * The emulator behind `npm run example` and the Next.js app: the package's W&B emulator
 * (`src/emulator/`, shipped as `npx wandb-emulator`) with the examples' canned answers on top,
 * W&B's strictness about keys and model ids (one key works; unknown and retired models get the
 * 404), and a small delay between streamed chunks so that streaming is visible.
 */
import {
  startWandbEmulator as startPackageEmulator,
  type WandbEmulator as PackageEmulator,
} from '../../src/emulator/wandb-emulator.ts';
import { cannedAnswerFor } from './canned-answers.ts';

/** The key the examples' emulator accepts; any other key gets W&B's 401. */
export const EMULATOR_API_KEY = 'local-emulator-key';

export type WandbEmulator = PackageEmulator & { apiKey: string };

/** Starts the emulator on a free port of 127.0.0.1. `delayMs` is the pause between streamed chunks. */
export async function startWandbEmulator({
  delayMs = 30,
  onSpans,
}: {
  delayMs?: number;
  /** Called for each OTLP trace post (Weave tracing pointed at the emulator). */
  onSpans?: (received: { spans: number; path: string }) => void;
} = {}): Promise<WandbEmulator> {
  const emulator = await startPackageEmulator({
    delayMs,
    onSpans,
    apiKey: EMULATOR_API_KEY,
    unknownModels: 'not-found',
    answer: cannedAnswerFor,
  });
  return { ...emulator, apiKey: EMULATOR_API_KEY };
}
