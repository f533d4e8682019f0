/**
 * Deno with `--allow-net=127.0.0.1` and nothing else: the provider without `ai`, whose
 * dependency @vercel/oidc reads the host name at import (and so needs `--allow-sys=hostname`).
 * The options come as one JSON argument; the results go to stdout as one JSON line.
 */
import { createWandb } from 'wandb-ai-provider';
import type { ScenarioOptions } from './scenario';

declare const Deno: { args: string[] };

const options = JSON.parse(Deno.args[0] ?? '{}') as ScenarioOptions;
const wandb = createWandb({
  apiKey: options.apiKey,
  baseURL: options.baseURL,
  headers: { 'x-runtime': options.runtime },
  ...(options.project == null ? {} : { project: options.project }),
});
const model = wandb('openai/gpt-oss-120b');
const prompt = [
  { role: 'user' as const, content: [{ type: 'text' as const, text: 'Say hello.' }] },
];

const generated = await model.doGenerate({ prompt });
const { stream } = await model.doStream({ prompt });
const deltas: string[] = [];
const reader = stream.getReader();
for (let read = await reader.read(); !read.done; read = await reader.read()) {
  if (read.value.type === 'text-delta') deltas.push(read.value.delta);
}

console.log(
  JSON.stringify({
    doGenerate: generated.content,
    doStream: deltas,
    listModels: await wandb.listModels(),
  }),
);
