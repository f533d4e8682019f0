/**
 * A deterministic JSON value that conforms to a JSON schema, for structured output and tool-call
 * arguments. It reads what the AI SDK's schema converters write: `type` (one or a list), `enum`,
 * `const`, `properties` (every property, required or not), `items` / `prefixItems`, `anyOf` /
 * `oneOf` (the first branch that is not `null`), `allOf` (merged), local `$ref`s, string `format`s,
 * and simple bounds (`minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`,
 * `minLength`, `maxLength`, `minItems`, `maxItems`). Strings are the property's name, so the
 * value shows where it came from. `pattern` is not followed.
 */
type Schema = { [keyword: string]: unknown };

/** Past this depth (recursive schemas) optional parts are left out and objects end. */
const MAX_DEPTH = 8;

export function valueFromSchema(schema: unknown, name = 'value'): unknown {
  return valueFor(asSchema(schema), name, asSchema(schema), 0);
}

function asSchema(value: unknown): Schema {
  return value != null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Schema)
    : {};
}

function valueFor(schema: Schema, name: string, root: Schema, depth: number): unknown {
  // Only a schema that requires itself endlessly gets here; it has no finite value.
  if (depth > 4 * MAX_DEPTH) return null;
  if (typeof schema.$ref === 'string')
    return valueFor(resolveRef(schema.$ref, root), name, root, depth + 1);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const branches = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(branches) && branches.length > 0) {
    const branch =
      branches.map(asSchema).find(option => option.type !== 'null') ?? asSchema(branches[0]);
    return valueFor({ ...withoutKeys(schema, 'anyOf', 'oneOf'), ...branch }, name, root, depth);
  }
  if (Array.isArray(schema.allOf)) {
    const merged = withoutKeys(schema, 'allOf');
    const properties: Schema = { ...asSchema(schema.properties) };
    const required: unknown[] = Array.isArray(schema.required) ? [...schema.required] : [];
    for (const part of schema.allOf.map(asSchema)) {
      Object.assign(merged, part);
      Object.assign(properties, asSchema(part.properties));
      if (Array.isArray(part.required)) required.push(...part.required);
    }
    if (Object.keys(properties).length > 0) merged.properties = properties;
    merged.required = required;
    return valueFor(merged, name, root, depth);
  }
  switch (typeOf(schema)) {
    case 'object':
      return objectFor(schema, root, depth);
    case 'array':
      return arrayFor(schema, name, root, depth);
    case 'string':
      return stringFor(schema, name);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return name;
  }
}

type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

function typeOf(schema: Schema): JsonType | undefined {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]) as unknown[];
  const type = types.find(candidate => candidate !== 'null') ?? types[0];
  if (typeof type === 'string') return type as JsonType;
  if (schema.properties != null) return 'object';
  if (schema.items != null || schema.prefixItems != null) return 'array';
  return undefined;
}

function objectFor(schema: Schema, root: Schema, depth: number): Record<string, unknown> {
  const properties = asSchema(schema.properties);
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const object: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    if (depth >= MAX_DEPTH && !required.has(key)) continue;
    object[key] = valueFor(asSchema(property), key, root, depth + 1);
  }
  return object;
}

function arrayFor(schema: Schema, name: string, root: Schema, depth: number): unknown[] {
  const itemName = name.endsWith('s') && name.length > 1 ? name.slice(0, -1) : 'item';
  if (Array.isArray(schema.prefixItems)) {
    return schema.prefixItems.map(item => valueFor(asSchema(item), itemName, root, depth + 1));
  }
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
  const count = depth >= MAX_DEPTH ? minItems : Math.min(Math.max(2, minItems), maxItems);
  return Array.from({ length: count }, (_, index) =>
    valueFor(asSchema(schema.items), `${itemName} ${index + 1}`, root, depth + 1),
  );
}

const FORMATS: Record<string, string> = {
  'date-time': '2026-01-01T00:00:00.000Z',
  date: '2026-01-01',
  time: '00:00:00',
  email: 'someone@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
  ipv4: '127.0.0.1',
  ipv6: '::1',
};

function stringFor(schema: Schema, name: string): string {
  const formatted = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (formatted != null) return formatted;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength =
    typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  return name.padEnd(minLength, '.').slice(0, maxLength);
}

function numberFor(schema: Schema, integer: boolean): number {
  const step =
    typeof schema.multipleOf === 'number' && schema.multipleOf > 0
      ? schema.multipleOf
      : integer
        ? 1
        : 0;
  let low = Number.NEGATIVE_INFINITY;
  if (typeof schema.minimum === 'number') low = schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number')
    low = Math.max(low, schema.exclusiveMinimum + (step || 1e-9));
  let high = Number.POSITIVE_INFINITY;
  if (typeof schema.maximum === 'number') high = schema.maximum;
  if (typeof schema.exclusiveMaximum === 'number')
    high = Math.min(high, schema.exclusiveMaximum - (step || 1e-9));
  // A value near the middle of the range (42 when unbounded), on the step grid.
  let value =
    Number.isFinite(low) && Number.isFinite(high)
      ? (low + high) / 2
      : Number.isFinite(low)
        ? low + 1
        : Number.isFinite(high)
          ? high - 1
          : 42;
  if (step > 0) {
    value = Math.round(value / step) * step;
    if (value < low) value += step;
    if (value > high) value -= step;
  }
  return value;
}

function resolveRef(ref: string, root: Schema): Schema {
  if (!ref.startsWith('#')) return {};
  let target: unknown = root;
  for (const segment of ref
    .slice(1)
    .split('/')
    .filter(part => part !== '')) {
    target = asSchema(target)[segment.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return asSchema(target);
}

function withoutKeys(schema: Schema, ...keys: string[]): Schema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key)));
}
