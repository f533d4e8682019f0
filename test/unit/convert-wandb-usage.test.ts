import { describe, expect, it } from 'vitest';
import { convertWandbUsage } from '../../src/chat/convert-wandb-usage';
import { NO_USAGE } from '../helpers';

describe('convertWandbUsage', () => {
  it('maps missing usage to all-undefined counts (never 0 or NaN)', () => {
    expect(convertWandbUsage(undefined)).toStrictEqual(NO_USAGE);
  });

  it('maps prompt and completion tokens without details', () => {
    const raw = { prompt_tokens: 25, completion_tokens: 50, total_tokens: 75 };
    expect(
      convertWandbUsage({ prompt_tokens: 25, completion_tokens: 50, total_tokens: 75, raw }),
    ).toStrictEqual({
      inputTokens: { total: 25, noCache: 25, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: 50, text: 50, reasoning: undefined },
      raw,
    });
  });

  it('computes noCache = input − cached and text = output − reasoning', () => {
    const raw = {
      prompt_tokens: 100,
      completion_tokens: 40,
      prompt_tokens_details: { cached_tokens: 64 },
      completion_tokens_details: { reasoning_tokens: 30 },
    };
    expect(
      convertWandbUsage({
        prompt_tokens: 100,
        completion_tokens: 40,
        cached_tokens: 64,
        reasoning_tokens: 30,
        raw,
      }),
    ).toStrictEqual({
      inputTokens: { total: 100, noCache: 36, cacheRead: 64, cacheWrite: undefined },
      outputTokens: { total: 40, text: 10, reasoning: 30 },
      raw,
    });
  });

  it('keeps the raw usage object by identity', () => {
    const raw = { prompt_tokens: 1, completion_tokens: 2, vendor_extra: { x: 1 } };
    expect(convertWandbUsage({ prompt_tokens: 1, completion_tokens: 2, raw }).raw).toBe(raw);
  });

  it('clamps text at 0 when reasoning exceeds completion tokens', () => {
    expect(
      convertWandbUsage({ completion_tokens: 10, reasoning_tokens: 25, raw: {} }).outputTokens,
    ).toStrictEqual({
      total: 10,
      text: 0,
      reasoning: 25,
    });
  });

  it('clamps noCache at 0 when cached exceeds prompt tokens', () => {
    expect(
      convertWandbUsage({ prompt_tokens: 10, cached_tokens: 12, raw: {} }).inputTokens,
    ).toStrictEqual({
      total: 10,
      noCache: 0,
      cacheRead: 12,
      cacheWrite: undefined,
    });
  });

  it('leaves noCache undefined when input is unknown, even with cached tokens', () => {
    expect(convertWandbUsage({ cached_tokens: 5, raw: {} }).inputTokens).toStrictEqual({
      total: undefined,
      noCache: undefined,
      cacheRead: 5,
      cacheWrite: undefined,
    });
  });

  it('leaves text undefined when output is unknown, even with reasoning tokens', () => {
    expect(convertWandbUsage({ reasoning_tokens: 7, raw: {} }).outputTokens).toStrictEqual({
      total: undefined,
      text: undefined,
      reasoning: 7,
    });
  });

  it('handles zero counts as real zeros', () => {
    expect(
      convertWandbUsage({
        prompt_tokens: 0,
        completion_tokens: 0,
        cached_tokens: 0,
        reasoning_tokens: 0,
        raw: {},
      }),
    ).toStrictEqual({
      inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: undefined },
      outputTokens: { total: 0, text: 0, reasoning: 0 },
      raw: {},
    });
  });

  it('maps an empty usage object to undefined counts', () => {
    expect(convertWandbUsage({ raw: {} })).toStrictEqual({ ...NO_USAGE, raw: {} });
  });
});
