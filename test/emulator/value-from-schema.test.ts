/**
 * The emulator's structured output: a value built from a JSON schema conforms to it. Each case is
 * checked with zod (the schema a user would write) or by hand against the JSON schema.
 */
import { zodSchema } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { valueFromSchema } from '../../src/emulator/value-from-schema';

/** The JSON schema the AI SDK sends for a zod schema, and the value the emulator builds for it. */
function roundTrip<T extends z.ZodType>(schema: T) {
  const jsonSchema = zodSchema(schema).jsonSchema;
  return { jsonSchema, value: valueFromSchema(jsonSchema) };
}

describe('valueFromSchema', () => {
  it.each([
    ['flat strings', z.object({ city: z.string(), country: z.string() })],
    [
      'numbers, integers, booleans and bounds',
      z.object({
        age: z.number().int().min(18).max(99),
        score: z.number().gt(0).lt(1),
        price: z.number().multipleOf(0.5).min(3),
        negative: z.number().int().max(-10),
        active: z.boolean(),
      }),
    ],
    ['enums and literals', z.object({ level: z.enum(['low', 'high']), kind: z.literal('cat') })],
    [
      'nested objects and arrays with bounds',
      z.object({
        recipe: z.object({
          name: z.string().min(30),
          tags: z.array(z.string().max(3)).min(3).max(5),
          steps: z.array(z.object({ order: z.number().int(), text: z.string() })).max(1),
        }),
      }),
    ],
    [
      'optional, nullable and union fields',
      z.object({
        nickname: z.string().optional(),
        middle: z.string().nullable(),
        id: z.union([z.number(), z.string()]),
      }),
    ],
    [
      'string formats',
      z.object({
        email: z.string().email(),
        site: z.string().url(),
        when: z.string().datetime(),
        id: z.string().uuid(),
      }),
    ],
    ['a top-level array', z.array(z.object({ title: z.string() })).min(1)],
  ])('conforms for %s', (_name, schema) => {
    const { value } = roundTrip(schema);
    expect(schema.safeParse(value).error).toBeUndefined();
  });

  it('fills every property, names strings after their property, and ends a recursive schema', () => {
    const node = {
      type: 'object',
      properties: { label: { type: 'string' }, child: { $ref: '#' } },
      required: ['label'],
    };
    const value = valueFromSchema(node) as Record<string, unknown>;
    expect(value.label).toBe('label');
    let depth = 0;
    for (let at: any = value; at?.child != null; at = at.child) depth++;
    expect(depth).toBeGreaterThan(0);
    expect(depth).toBeLessThan(20);
  });

  it('follows $defs references and merges allOf', () => {
    const schema = {
      $defs: { point: { type: 'object', properties: { x: { type: 'number' } }, required: ['x'] } },
      allOf: [
        { type: 'object', properties: { start: { $ref: '#/$defs/point' } }, required: ['start'] },
        { properties: { end: { $ref: '#/$defs/point' } }, required: ['end'] },
      ],
    };
    expect(valueFromSchema(schema)).toEqual({ start: { x: 42 }, end: { x: 42 } });
  });

  it('uses const, the first enum value and the non-null branch of a type list', () => {
    expect(
      valueFromSchema({
        type: 'object',
        properties: {
          fixed: { const: 7 },
          choice: { enum: ['b', 'a'] },
          maybe: { type: ['null', 'integer'], minimum: 5, maximum: 5 },
        },
      }),
    ).toEqual({ fixed: 7, choice: 'b', maybe: 5 });
  });
});
