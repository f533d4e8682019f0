/**
 * The one home of the W&B wire pieces tests send: chunks and completions as W&B (vLLM) writes them
 * (the same builders the fake server's scripts use).
 */
export {
  type ChunkOrigin,
  chunk,
  completion,
  textStream,
  usageChunk,
} from './fake-wandb';
import { chunk } from './fake-wandb';

/** A streamed chunk carrying tool-call deltas. */
export function toolDelta(...toolCalls: Array<Record<string, unknown>>) {
  return chunk({ tool_calls: toolCalls });
}
