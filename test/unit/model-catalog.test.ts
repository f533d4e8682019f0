/**
 * The catalog refresh's pure steps on small samples in the shape of W&B's two public feeds
 * (scripts/model-catalog/samples/), and the README's table against the committed catalog.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  mergeModelFacts,
  README_TABLE_END,
  README_TABLE_START,
  renderReadmeTable,
} from '../../scripts/model-catalog/build-model-catalog';
import {
  parseCatalogFeed,
  parseModelsDevFeed,
} from '../../scripts/model-catalog/parse-wandb-feeds';
import {
  WANDB_MODEL_CATALOG_DATE,
  wandbModelFacts,
} from '../../src/catalog/wandb-model-catalog.generated';
import type { WandbModelFacts } from '../../src/catalog/wandb-model-facts';

const sample = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../scripts/model-catalog/samples/${name}`, import.meta.url), 'utf8'),
  );

describe('parseCatalogFeed', () => {
  it('reads ids, labels, image input, context, tools, structured output and lifecycle', () => {
    const facts = parseCatalogFeed(sample('catalog-models.sample.json'));
    expect(Object.fromEntries(facts)).toEqual({
      'zai-org/GLM-5.3-Flash': {
        name: 'GLM 5.3 Flash',
        imageInput: true,
        contextWindow: 1048576,
        toolCalling: true,
        structuredOutput: true,
        lifecycleStage: 'general-availability',
      },
      'meta-llama/Llama-3.3-70B-Instruct': {
        name: 'Llama 3.3 70B Instruct',
        imageInput: false,
        contextWindow: 128000,
        reasoning: 'none',
        toolCalling: true,
        lifecycleStage: 'deprecated',
      },
    });
  });

  it('fails naming the field when the feed changed shape', () => {
    expect(() => parseCatalogFeed({ data: [] })).toThrow(/"models" array/);
    expect(() =>
      parseCatalogFeed({ models: [{ idPlayground: 'a', contextWindow: '1k' }] }),
    ).toThrow(/models\[0\]\.contextWindow should be a number/);
    expect(() =>
      parseCatalogFeed({ models: [{ idPlayground: 'a', lifecycleStage: 'beta' }] }),
    ).toThrow(/lifecycleStage is "beta"/);
  });
});

describe('parseModelsDevFeed', () => {
  it('reads efforts (always on without a toggle), toggles, and only a real output cap', () => {
    const facts = parseModelsDevFeed(sample('modelsdev-models.sample.json'));
    expect(facts.get('zai-org/GLM-5.3-Flash')).toEqual({
      name: 'GLM 5.3 Flash',
      imageInput: true,
      contextWindow: 1048576,
      toolCalling: true,
      structuredOutput: true,
      reasoning: 'always-on',
      reasoningEfforts: ['low', 'high', 'max'],
    });
    expect(facts.get('nvidia/NVIDIA-Nemotron-3.5-Lightning-30B-A3B')).toMatchObject({
      reasoning: 'toggle',
      maxOutputTokens: 32768,
    });
    expect(facts.get('zai-org/GLM-5.3-Flash')).not.toHaveProperty('maxOutputTokens');
  });
});

describe('mergeModelFacts', () => {
  const established: WandbModelFacts[] = [
    {
      id: 'zai-org/GLM-5.3-Flash',
      name: 'GLM 5.3 Flash',
      toolCalling: true,
      structuredOutput: true,
      inferred: ['toolCalling', 'structuredOutput'],
    },
    { id: 'retired/model', name: 'Retired', contextWindow: 1, inferred: [] },
  ];

  it('lets the feeds win fact by fact; a fact a feed states is published, not inferred', () => {
    const merged = mergeModelFacts(established, [
      parseModelsDevFeed(sample('modelsdev-models.sample.json')),
      parseCatalogFeed(sample('catalog-models.sample.json')),
    ]);
    expect(merged.map(model => model.id)).toEqual([
      'meta-llama/Llama-3.3-70B-Instruct',
      'nvidia/NVIDIA-Nemotron-3.5-Lightning-30B-A3B',
      'zai-org/GLM-5.3-Flash',
    ]);
    expect(merged.find(model => model.id === 'zai-org/GLM-5.3-Flash')).toMatchObject({
      lifecycleStage: 'general-availability',
      reasoningEfforts: ['low', 'high', 'max'],
      inferred: [],
    });
  });

  it('keeps the established facts, inferred marks included, without feeds', () => {
    expect(mergeModelFacts(established, [])).toEqual(
      [...established].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  });
});

/** The formatter pads table cells and separator dashes; the content is what must match. */
function withoutTablePadding(markdown: string): string {
  return markdown
    .split('\n')
    .map(line =>
      line.startsWith('|') ? line.replace(/ *\| */g, '|').replace(/-{3,}/g, '---') : line,
    )
    .join('\n');
}

describe('the committed catalog', () => {
  it('is what README.md shows (run npm run catalog:refresh -- --offline after editing the facts)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(README_TABLE_START);
    const end = readme.indexOf(README_TABLE_END) + README_TABLE_END.length;
    expect(withoutTablePadding(readme.slice(start, end))).toBe(
      withoutTablePadding(renderReadmeTable(wandbModelFacts, WANDB_MODEL_CATALOG_DATE)),
    );
  });

  it('is the established facts merged without feeds, as the offline refresh writes it', () => {
    const established = JSON.parse(
      readFileSync(
        new URL('../../scripts/model-catalog/established-facts.json', import.meta.url),
        'utf8',
      ),
    );
    expect(wandbModelFacts).toEqual(mergeModelFacts(established.models, []));
  });

  it('marks only facts a record has as inferred', () => {
    for (const model of wandbModelFacts) {
      for (const name of model.inferred) expect(model[name], `${model.id}.${name}`).toBeDefined();
    }
  });
});
