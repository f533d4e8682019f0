import { describe, expect, it } from 'vitest';
import { mapWandbFinishReason } from '../../src/chat/map-wandb-finish-reason';

describe('mapWandbFinishReason', () => {
  describe('without tool calls', () => {
    it.each([
      ['stop', 'stop'],
      ['length', 'length'],
      ['content_filter', 'content-filter'],
      ['tool_calls', 'tool-calls'],
      ['function_call', 'tool-calls'],
    ] as const)('maps %s → %s, keeping the raw value', (raw, unified) => {
      expect(mapWandbFinishReason(raw, false)).toStrictEqual({ unified, raw });
    });

    it('maps a missing reason to other with raw undefined', () => {
      expect(mapWandbFinishReason(undefined, false)).toStrictEqual({
        unified: 'other',
        raw: undefined,
      });
    });

    it.each(['abort', 'eos', 'STOP', ''])(
      'maps the unknown reason %j to other and keeps it raw',
      raw => {
        expect(mapWandbFinishReason(raw, false)).toStrictEqual({ unified: 'other', raw });
      },
    );
  });

  describe('with tool calls', () => {
    it('turns stop into tool-calls (Kimi/vLLM report stop after calling tools)', () => {
      expect(mapWandbFinishReason('stop', true)).toStrictEqual({
        unified: 'tool-calls',
        raw: 'stop',
      });
    });

    it('turns a missing reason into tool-calls', () => {
      expect(mapWandbFinishReason(undefined, true)).toStrictEqual({
        unified: 'tool-calls',
        raw: undefined,
      });
    });

    it('keeps tool_calls as tool-calls', () => {
      expect(mapWandbFinishReason('tool_calls', true)).toStrictEqual({
        unified: 'tool-calls',
        raw: 'tool_calls',
      });
    });

    it('turns an unknown reason into tool-calls, keeping it raw', () => {
      expect(mapWandbFinishReason('eos', true)).toStrictEqual({
        unified: 'tool-calls',
        raw: 'eos',
      });
    });

    it('does not override length (a truncated call is not a finished one)', () => {
      expect(mapWandbFinishReason('length', true)).toStrictEqual({
        unified: 'length',
        raw: 'length',
      });
    });

    it('does not override content_filter', () => {
      expect(mapWandbFinishReason('content_filter', true)).toStrictEqual({
        unified: 'content-filter',
        raw: 'content_filter',
      });
    });
  });
});
