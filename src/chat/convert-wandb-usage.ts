import type { LanguageModelV4Usage } from '@ai-sdk/provider';
import type { WandbUsage } from './wandb-chat-api';

/** W&B usage → AI SDK usage. Unknown counts stay `undefined`; nothing goes negative. */
export function convertWandbUsage(usage: WandbUsage | undefined): LanguageModelV4Usage {
  const input = usage?.prompt_tokens;
  const output = usage?.completion_tokens;
  const cached = usage?.cached_tokens;
  const reasoning = usage?.reasoning_tokens;

  return {
    inputTokens: {
      total: input,
      noCache: input != null && cached != null ? Math.max(0, input - cached) : input,
      cacheRead: cached,
      cacheWrite: undefined,
    },
    outputTokens: {
      total: output,
      // Reasoning tokens are part of completion_tokens; some servers report more reasoning than
      // completion tokens, hence the clamp.
      text: output != null ? Math.max(0, output - (reasoning ?? 0)) : undefined,
      reasoning,
    },
    raw: usage?.raw as LanguageModelV4Usage['raw'],
  };
}
