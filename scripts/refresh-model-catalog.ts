/*
 * `npm run catalog:refresh`: fetches W&B's public catalog feeds (no key needed), merges them over
 * scripts/model-catalog/established-facts.json, and rewrites src/catalog/wandb-model-catalog.generated.ts
 * and the README's model table. Run at build time by a maintainer and committed; the package never
 * fetches the catalog at run time.
 *
 * `-- --offline` skips the feeds and writes the established facts alone (for machines without
 * internet access).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type EstablishedFacts,
  mergeModelFacts,
  renderCatalogModule,
  renderReadmeTable,
  replaceReadmeTable,
} from './model-catalog/build-model-catalog.ts';
import {
  type FeedFacts,
  parseCatalogFeed,
  parseModelsDevFeed,
} from './model-catalog/parse-wandb-feeds.ts';

const CATALOG_FEED = 'https://trace.wandb.ai/inference/catalog/models';
const MODELS_DEV_FEED = 'https://trace.wandb.ai/inference/modelsdev/models';

const file = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const established: EstablishedFacts = JSON.parse(
  readFileSync(file('./model-catalog/established-facts.json'), 'utf8'),
);
const offline = process.argv.includes('--offline');

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok)
    throw new Error(`GET ${url} answered ${response.status} ${response.statusText}.`);
  return response.json();
}

const feeds: Map<string, FeedFacts>[] = [];
const sources = [...established.sources.published.map(source => source.split(' ')[0])];
if (!offline) {
  feeds.push(parseModelsDevFeed(await fetchJson(MODELS_DEV_FEED)));
  feeds.push(parseCatalogFeed(await fetchJson(CATALOG_FEED)));
  sources.unshift(MODELS_DEV_FEED, CATALOG_FEED);
}
const models = mergeModelFacts(established.models, feeds);
const date = offline ? established.established : new Date().toISOString().slice(0, 10);

const modulePath = file('../src/catalog/wandb-model-catalog.generated.ts');
writeFileSync(modulePath, renderCatalogModule({ models, date, sources: [...new Set(sources)] }));
// The committed file is exactly what the formatter makes of the output, so a refresh diff shows only data.
const readmePath = file('../README.md');
writeFileSync(
  readmePath,
  replaceReadmeTable(readFileSync(readmePath, 'utf8'), renderReadmeTable(models, date)),
);
const format = spawnSync('npx', ['biome', 'format', '--write', modulePath, readmePath], {
  stdio: 'inherit',
});
if (format.status !== 0) throw new Error('biome format failed on the generated catalog.');
process.stderr.write(
  `Wrote ${models.length} models (${offline ? 'established facts only' : 'feeds merged'}), catalog of ${date}.\n`,
);
