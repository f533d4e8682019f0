import { describe, expect, it } from 'vitest';
import {
  collectToolCallIds,
  WandbToolCallIdAllocator,
} from '../../src/chat/wandb-tool-call-id-allocator';

describe('WandbToolCallIdAllocator', () => {
  it('keeps a wire id that is not taken', () => {
    expect(new WandbToolCallIdAllocator(['call_old']).allocate('call_new')).toBe('call_new');
  });

  it('replaces a wire id of an earlier step', () => {
    const id = new WandbToolCallIdAllocator(['tool_0_search']).allocate('tool_0_search');
    expect(id).not.toBe('tool_0_search');
    expect(id).toMatch(/\S/);
  });

  it('replaces a wire id it already handed out', () => {
    const ids = new WandbToolCallIdAllocator();
    expect(ids.allocate('call_1')).toBe('call_1');
    expect(ids.allocate('call_1')).not.toBe('call_1');
  });

  it('makes up distinct ids for missing and blank wire ids', () => {
    const ids = new WandbToolCallIdAllocator();
    const made = [ids.allocate(undefined), ids.allocate(''), ids.allocate('  ')];
    expect(made.every(id => id.trim() !== '')).toBe(true);
    expect(new Set(made).size).toBe(3);
  });

  it("replaces a repeated Kimi id in Kimi's shape, with the next free number", () => {
    const ids = new WandbToolCallIdAllocator(['functions.search:0', 'functions.read:2']);
    expect(ids.allocate('functions.search:0')).toBe('functions.search:3');
    expect(ids.allocate('functions.search:0')).toBe('functions.search:4');
    expect(ids.allocate('functions.read:2')).toBe('functions.read:5');
    // A new Kimi id is kept, and numbers after it are free.
    expect(ids.allocate('functions.search:9')).toBe('functions.search:9');
    expect(ids.allocate('functions.search:9')).toBe('functions.search:10');
  });

  it('keeps a tool name with dots or colons in a Kimi id', () => {
    const ids = new WandbToolCallIdAllocator(['functions.mcp.fs:read:0']);
    expect(ids.allocate('functions.mcp.fs:read:0')).toBe('functions.mcp.fs:read:1');
  });

  it('forPrompt takes the ids of the tool calls in the prompt', () => {
    const ids = WandbToolCallIdAllocator.forPrompt([
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 'tool_0', toolName: 'f', input: {} }],
      },
    ]);
    expect(ids.allocate('tool_0')).not.toBe('tool_0');
    expect(ids.allocate('tool_1')).toBe('tool_1');
  });
});

describe('collectToolCallIds', () => {
  it('collects the ids of assistant tool calls only', () => {
    expect(
      collectToolCallIds([
        { role: 'system', content: 'tool_0_x' },
        { role: 'user', content: [{ type: 'text', text: 'call_user' }] },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'x' },
            { type: 'tool-call', toolCallId: 'tool_0_search', toolName: 'search', input: {} },
            { type: 'tool-call', toolCallId: 'tool_1_search', toolName: 'search', input: {} },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'only_in_result',
              toolName: 'search',
              output: { type: 'text', value: '' },
            },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', toolCallId: 'tool_0_search', toolName: 'search', input: {} },
          ],
        },
      ]),
    ).toStrictEqual(new Set(['tool_0_search', 'tool_1_search']));
  });

  it('returns an empty set without tool calls', () => {
    expect(
      collectToolCallIds([{ role: 'user', content: [{ type: 'text', text: 'hi' }] }]),
    ).toStrictEqual(new Set());
  });
});
