/*
 * Readers for W&B's two public, unauthenticated catalog feeds on https://trace.wandb.ai (see
 * docs/model-catalog.md). Each returns, per model id, only the facts the feed states; the merge
 * in merge-model-facts.ts decides what wins. A feed whose shape changed fails loudly, naming the
 * field, so a refresh never writes a half-read catalog.
 */
import type {
  WandbLifecycleStage,
  WandbModelFacts,
  WandbReasoningMode,
} from '../../src/catalog/wandb-model-facts.ts';

export type FeedFacts = {
  -readonly [Name in keyof Omit<WandbModelFacts, 'id' | 'inferred'>]?: WandbModelFacts[Name];
};

const LIFECYCLE_STAGES: readonly WandbLifecycleStage[] = [
  'experimental',
  'general-availability',
  'deprecated',
  'retired',
];

/** `GET /inference/catalog/models`: `{ models: [{ idPlayground, label, modalitiesInput, contextWindow, featureReasoning, featureToolCalling, featureStructuredOutput, lifecycleStage, … }] }`. */
export function parseCatalogFeed(json: unknown): Map<string, FeedFacts> {
  const models = arrayAt(json, 'models', 'the catalog feed');
  const result = new Map<string, FeedFacts>();
  models.forEach((model, index) => {
    const path = `the catalog feed's models[${index}]`;
    const id = requiredString(model, 'idPlayground', path);
    const facts: FeedFacts = {};
    const label = optional(model, 'label', 'string', path);
    if (label) facts.name = label;
    const inputs = optionalStringArray(model, 'modalitiesInput', path);
    if (inputs) facts.imageInput = inputs.includes('image');
    const context = optional(model, 'contextWindow', 'number', path);
    if (context != null) facts.contextWindow = context;
    const reasoning = optional(model, 'featureReasoning', 'boolean', path);
    if (reasoning === false) facts.reasoning = 'none';
    const tools = optional(model, 'featureToolCalling', 'boolean', path);
    if (tools != null) facts.toolCalling = tools;
    const structured = optional(model, 'featureStructuredOutput', 'boolean', path);
    if (structured != null) facts.structuredOutput = structured;
    const stage = optional(model, 'lifecycleStage', 'string', path);
    if (stage != null) {
      if (!LIFECYCLE_STAGES.includes(stage as WandbLifecycleStage)) {
        throw new Error(
          `${path}.lifecycleStage is ${JSON.stringify(stage)}, expected one of ${LIFECYCLE_STAGES.join(', ')}.`,
        );
      }
      facts.lifecycleStage = stage as WandbLifecycleStage;
    }
    result.set(id, facts);
  });
  return result;
}

/**
 * `GET /inference/modelsdev/models`: models.dev's schema, `{ models: [...] }` or a bare array of
 * `{ id, name, attachment, reasoning, reasoning_options, tool_call, structured_output, limit: { context, output }, modalities: { input } }`.
 */
export function parseModelsDevFeed(json: unknown): Map<string, FeedFacts> {
  const models = Array.isArray(json) ? json : arrayAt(json, 'models', 'the models.dev feed');
  const result = new Map<string, FeedFacts>();
  models.forEach((model, index) => {
    const path = `the models.dev feed's models[${index}]`;
    const id = requiredString(model, 'id', path);
    const facts: FeedFacts = {};
    const name = optional(model, 'name', 'string', path);
    if (name) facts.name = name;
    const inputs = optionalStringArray(
      objectAt(model, 'modalities', path),
      'input',
      `${path}.modalities`,
    );
    if (inputs) facts.imageInput = inputs.includes('image');
    const limit = objectAt(model, 'limit', path);
    const context = optional(limit, 'context', 'number', `${path}.limit`);
    if (context != null) facts.contextWindow = context;
    // The feed fills `limit.output` with the context window where W&B publishes no output cap, so
    // only a smaller figure is a real limit.
    const output = optional(limit, 'output', 'number', `${path}.limit`);
    if (output != null && (context == null || output < context)) facts.maxOutputTokens = output;
    const tools = optional(model, 'tool_call', 'boolean', path);
    if (tools != null) facts.toolCalling = tools;
    const structured = optional(model, 'structured_output', 'boolean', path);
    if (structured != null) facts.structuredOutput = structured;
    const reasoning = optional(model, 'reasoning', 'boolean', path);
    const options = (model as Record<string, unknown>).reasoning_options;
    if (reasoning === false) facts.reasoning = 'none';
    else if (Array.isArray(options))
      Object.assign(facts, readReasoningOptions(options, `${path}.reasoning_options`));
    result.set(id, facts);
  });
  return result;
}

/** `[{ type: 'toggle' }]`, `[{ type: 'effort', values: [...] }]`; effort without a toggle means thinking cannot be turned off. */
function readReasoningOptions(options: unknown[], path: string): FeedFacts {
  const facts: FeedFacts = {};
  let toggle = false;
  options.forEach((option, index) => {
    const type = requiredString(option, 'type', `${path}[${index}]`);
    if (type === 'toggle') toggle = true;
    if (type === 'effort') {
      const values = optionalStringArray(option, 'values', `${path}[${index}]`);
      if (values?.length) facts.reasoningEfforts = values;
    }
  });
  const mode: WandbReasoningMode | undefined = toggle
    ? 'toggle'
    : facts.reasoningEfforts
      ? 'always-on'
      : undefined;
  if (mode) facts.reasoning = mode;
  return facts;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === 'object' && !Array.isArray(value);
}

function objectAt(value: unknown, key: string, path: string): Record<string, unknown> | undefined {
  if (!isObject(value)) throw new Error(`${path} should be an object.`);
  const field = value[key];
  if (field == null) return undefined;
  if (!isObject(field)) throw new Error(`${path}.${key} should be an object.`);
  return field;
}

function arrayAt(value: unknown, key: string, path: string): unknown[] {
  const field = isObject(value) ? value[key] : undefined;
  if (!Array.isArray(field)) throw new Error(`${path} should be an object with a "${key}" array.`);
  return field;
}

function requiredString(value: unknown, key: string, path: string): string {
  const field = isObject(value) ? value[key] : undefined;
  if (typeof field !== 'string' || field === '')
    throw new Error(`${path}.${key} should be a non-empty string.`);
  return field;
}

function optional<T extends 'string' | 'number' | 'boolean'>(
  value: Record<string, unknown> | undefined | unknown,
  key: string,
  type: T,
  path: string,
): { string: string; number: number; boolean: boolean }[T] | undefined {
  if (value == null) return undefined;
  if (!isObject(value)) throw new Error(`${path} should be an object.`);
  const field = value[key];
  if (field == null) return undefined;
  if (typeof field !== type) throw new Error(`${path}.${key} should be a ${type}.`);
  return field as never;
}

function optionalStringArray(value: unknown, key: string, path: string): string[] | undefined {
  if (value == null) return undefined;
  const field = isObject(value) ? value[key] : undefined;
  if (field == null) return undefined;
  if (!Array.isArray(field) || field.some(item => typeof item !== 'string')) {
    throw new Error(`${path}.${key} should be an array of strings.`);
  }
  return field;
}
