import type { ModelCapability, ModelEntry } from '@ai-sdk/provider';
import { WANDB_MODEL_CATALOG_DATE, wandbModelFacts } from './wandb-model-catalog.generated';
import type { WandbModelFacts } from './wandb-model-facts';

/**
 * One catalog record: W&B's facts about a model, and the same as the AI SDK's provider-neutral
 * `ModelEntry`. The catalog only helps (warnings, a model picker); it never blocks a call, and
 * ids it does not know (LoRA artifacts, new models) are used as they are.
 */
export type WandbModelInfo = WandbModelFacts & {
  readonly entry: ModelEntry;
  /** The day the catalog was last refreshed from W&B's public data. */
  readonly catalogDate: string;
};

let catalog: ReadonlyMap<string, WandbModelInfo> | undefined;

function loadCatalog(): ReadonlyMap<string, WandbModelInfo> {
  catalog ??= new Map(
    wandbModelFacts.map(facts => [
      facts.id,
      Object.freeze({
        ...facts,
        entry: toModelEntry(facts),
        catalogDate: WANDB_MODEL_CATALOG_DATE,
      }),
    ]),
  );
  return catalog;
}

/** The catalog's record for an id (case-sensitive, as W&B matches ids), or undefined. */
export function getWandbModelInfo(modelId: string): WandbModelInfo | undefined {
  return loadCatalog().get(modelId);
}

/** Every model of the catalog, sorted by id. */
export function listWandbCatalog(): WandbModelInfo[] {
  return [...loadCatalog().values()];
}

function capability(value: boolean | undefined): ModelCapability {
  return value ?? 'unknown';
}

function toModelEntry(facts: WandbModelFacts): ModelEntry {
  return {
    capabilities: {
      language: {
        inputs: { image: capability(facts.imageInput), audio: 'unknown' },
        objectGeneration: capability(facts.structuredOutput),
        tools: { usage: capability(facts.toolCalling), streaming: capability(facts.toolCalling) },
        reasoning: {
          support: facts.reasoning == null ? 'unknown' : facts.reasoning !== 'none',
          ...(facts.reasoningEfforts ? { efforts: facts.reasoningEfforts } : {}),
        },
        sampling: { temperature: 'unknown', topP: 'unknown', logprobs: 'unknown' },
      },
    },
  };
}
