/** Small shared pieces for the regression tests (not a test file itself). */
import type {
  LanguageModelV4FunctionTool,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import { chunk } from '../fake-wandb-server';

export const MODEL = 'openai/gpt-oss-120b';

/** A one-message user prompt in the V4 format. */
export function userPrompt(text = 'hi'): LanguageModelV4Prompt {
  return [{ role: 'user', content: [{ type: 'text', text }] }];
}

/** A V4 function tool taking `{ query, limit? }`. */
export const searchTool: LanguageModelV4FunctionTool = {
  type: 'function',
  name: 'search',
  inputSchema: {
    type: 'object',
    properties: { query: { type: 'string' }, limit: { type: 'number' } },
    required: ['query'],
  },
};

/** Reads a V4 stream to the end. */
export async function readAll(
  stream: ReadableStream<LanguageModelV4StreamPart>,
): Promise<LanguageModelV4StreamPart[]> {
  const parts: LanguageModelV4StreamPart[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return parts;
    parts.push(value);
  }
}

/** The parts of one type, narrowed. */
export function partsOf<T extends LanguageModelV4StreamPart['type']>(
  parts: LanguageModelV4StreamPart[],
  type: T,
): Array<Extract<LanguageModelV4StreamPart, { type: T }>> {
  return parts.filter((part): part is Extract<LanguageModelV4StreamPart, { type: T }> => part.type === type);
}

/** The `finish` part (there must be exactly one). */
export function finishOf(parts: LanguageModelV4StreamPart[]) {
  const finishes = partsOf(parts, 'finish');
  if (finishes.length !== 1) throw new Error(`expected one finish part, got ${finishes.length}`);
  return finishes[0];
}

/** A streamed chunk carrying tool-call deltas. */
export function toolDelta(...toolCalls: Array<Record<string, unknown>>) {
  return chunk({ tool_calls: toolCalls });
}

/** Everything an error says about itself (message plus enumerable fields), for `toContain` checks. */
export function describeError(error: unknown): string {
  if (error == null) return String(error);
  const message = (error as { message?: unknown }).message;
  let json = '';
  try {
    json = JSON.stringify(error);
  } catch {
    json = '';
  }
  return `${typeof message === 'string' ? message : ''} ${json} ${String(error)}`;
}
