import type { LanguageModelV4FinishReason } from '@ai-sdk/provider';

/**
 * W&B `finish_reason` → AI SDK finish reason, keeping W&B's value as `raw`.
 *
 * When the answer holds tool calls, `stop` or a missing reason becomes `tool-calls`: some models
 * (Kimi, via vLLM) report `stop` after calling tools, and reporting `stop` would end the user's
 * agent loop early.
 */
export function mapWandbFinishReason(
  finishReason: string | undefined,
  hasToolCalls: boolean,
): LanguageModelV4FinishReason {
  return { unified: unifiedFinishReason(finishReason, hasToolCalls), raw: finishReason };
}

function unifiedFinishReason(
  finishReason: string | undefined,
  hasToolCalls: boolean,
): LanguageModelV4FinishReason['unified'] {
  switch (finishReason) {
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case 'stop':
    case undefined:
      return hasToolCalls ? 'tool-calls' : finishReason === undefined ? 'other' : 'stop';
    default:
      return hasToolCalls ? 'tool-calls' : 'other';
  }
}
