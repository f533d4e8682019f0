import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import type { WandbToolCallDelta } from '../../src/chat/wandb-chat-api';
import { WandbToolCallAssembler } from '../../src/chat/wandb-tool-call-assembler';
import { WandbToolCallIdAllocator } from '../../src/chat/wandb-tool-call-id-allocator';

/** The tool-call parts for `deltas`, then a flush (the end of the turn). */
function assemble(deltas: WandbToolCallDelta[]): LanguageModelV4StreamPart[] {
  const parts: LanguageModelV4StreamPart[] = [];
  const assembler = new WandbToolCallAssembler(part => parts.push(part));
  for (const delta of deltas) assembler.process(delta);
  assembler.flush();
  return parts;
}

const calls = (parts: LanguageModelV4StreamPart[]) =>
  parts.flatMap(part => (part.type === 'tool-call' ? [[part.toolName, part.input]] : []));

describe('WandbToolCallAssembler (paths the stream tests do not reach)', () => {
  it('starts a new call when a named delta opens a new JSON value at an index whose value is complete', () => {
    expect(
      calls(
        assemble([
          { index: 0, function: { name: 'search', arguments: '{"q":"a"}' } },
          { index: 0, function: { name: 'search', arguments: '{"q":"b"}' } },
        ]),
      ),
    ).toStrictEqual([
      ['search', '{"q":"a"}'],
      ['search', '{"q":"b"}'],
    ]);
  });

  it('continues the call when the name is repeated while its value is still open', () => {
    expect(
      calls(
        assemble([
          { index: 0, function: { name: 'search', arguments: '{"q":' } },
          { index: 0, function: { name: 'search', arguments: '"a"}' } },
        ]),
      ),
    ).toStrictEqual([['search', '{"q":"a"}']]);
  });

  it('continues the latest call from deltas with neither index nor id', () => {
    expect(
      calls(
        assemble([
          { id: 'a', function: { name: 'f', arguments: '{}' } },
          { id: 'b', function: { name: 'g', arguments: '{"x":' } },
          { function: { arguments: '1}' } },
        ]),
      ),
    ).toStrictEqual([
      ['f', '{}'],
      ['g', '{"x":1}'],
    ]);
  });

  it('ignores deltas for a call that the end of the turn already finished', () => {
    const parts: LanguageModelV4StreamPart[] = [];
    const assembler = new WandbToolCallAssembler(part => parts.push(part));
    assembler.process({ index: 0, id: 'c', function: { name: 'f', arguments: '{}' } });
    assembler.flush();
    assembler.process({ index: 0, function: { arguments: ' ' } });
    assembler.flush();
    expect(parts.map(part => part.type)).toStrictEqual([
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
    ]);
  });

  it('gives a call whose wire id repeats an earlier step a new id, and keeps using it', () => {
    const parts: LanguageModelV4StreamPart[] = [];
    const assembler = new WandbToolCallAssembler(
      part => parts.push(part),
      new WandbToolCallIdAllocator(['tool_0']),
    );
    assembler.process({ index: 0, id: 'tool_0', function: { name: 'f', arguments: '{"a":' } });
    assembler.process({ index: 0, id: 'tool_0', function: { arguments: '1}' } });
    assembler.flush();
    const ids = new Set(
      parts.map(part =>
        part.type === 'tool-call' ? part.toolCallId : (part as { id: string }).id,
      ),
    );
    expect(ids.size).toBe(1);
    expect(ids.has('tool_0')).toBe(false);
  });
});
