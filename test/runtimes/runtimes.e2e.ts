/**
 * The scenario (test/runtimes/program/scenario.ts: generateText, streamText, a one-tool loop,
 * Output.object, listModels) run by each JavaScript runtime against the fake W&B server on
 * 127.0.0.1. `npm run test:runtimes` prepares the runtimes and bundles first.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CALLS, ScenarioOptions, ScenarioResults } from './program/scenario';
import { CHROMIUM, DENO_DIR, PROGRAMS_DIR, TOOLS_DIR, toolBinary } from './runtime-paths';
import {
  GENERATED_TEXT,
  MODEL_IDS,
  STREAMED_WORDS,
  WEATHER,
  startRuntimeServer,
  type FakeWandbServer,
} from './runtime-server';

const API_KEY = 'runtime-test-key';
const PROJECT = 'runtime-team/runtime-project';
const program = (file: string) => join(PROGRAMS_DIR, file);
const toolRequire = createRequire(join(TOOLS_DIR, 'package.json'));

let server: FakeWandbServer;
beforeAll(async () => {
  const page = '<!doctype html><title>runtimes</title><script src="/runtime/browser.js"></script>';
  server = await startRuntimeServer(
    new Map([
      ['/runtime/page.html', { body: page, contentType: 'text/html' }],
      [
        '/runtime/browser.js',
        { body: readFileSync(program('browser.js'), 'utf8'), contentType: 'text/javascript' },
      ],
    ]),
  );
});
afterAll(() => server?.close());

/** Runs a bundled CLI program; its last stdout line is the results as JSON. */
function runCli(
  binary: string,
  args: string[],
  env: Record<string, string>,
): Promise<ScenarioResults> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { cwd: PROGRAMS_DIR, env, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${binary} failed: ${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''));
    });
  });
}

/** A minimal environment for a child runtime: nothing of ours leaks in by accident. */
function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...extra };
}

type Runtime = {
  name: string;
  /** The scenario's `project` setting; undefined exercises the WANDB_ENTITY/WANDB_PROJECT path. */
  project?: string;
  /** The OpenAI-Project header W&B should receive. */
  expectedProject?: string;
  run(options: ScenarioOptions): Promise<ScenarioResults>;
};

// Deno gets WANDB_ENTITY/WANDB_PROJECT in its environment but no permission to read it: the
// provider must treat the environment as unset (no header), not fail. Never --allow-env.
const denoEnv = childEnv({
  DENO_DIR,
  NO_COLOR: '1',
  WANDB_ENTITY: 'env-team',
  WANDB_PROJECT: 'env-project',
});
/** The bundled program needs no --allow-read: Deno loads modules without it. */
const denoArgs = (permissions: string[], file: string, options: ScenarioOptions) => [
  'run',
  '--no-prompt',
  '--no-config',
  ...permissions,
  program(file),
  JSON.stringify(options),
];
const NETWORK_ONLY = ['--allow-net=127.0.0.1'];
// `ai@7` itself needs the host name: its dependency @vercel/oidc (through @ai-sdk/gateway) calls
// os.hostname() when imported ("NotCapable: Requires sys access to \"hostname\"").
const NETWORK_AND_HOSTNAME = ['--allow-net=127.0.0.1', '--allow-sys=hostname'];

const runtimes: Runtime[] = [
  {
    name: 'bun',
    project: PROJECT,
    expectedProject: PROJECT,
    run: options =>
      runCli(toolBinary('bun'), [program('cli.mjs'), JSON.stringify(options)], childEnv()),
  },
  {
    name: 'deno, with project',
    project: PROJECT,
    expectedProject: PROJECT,
    run: options =>
      runCli(toolBinary('deno'), denoArgs(NETWORK_AND_HOSTNAME, 'cli.mjs', options), denoEnv),
  },
  {
    name: 'deno, without project',
    run: options =>
      runCli(toolBinary('deno'), denoArgs(NETWORK_AND_HOSTNAME, 'cli.mjs', options), denoEnv),
  },
  {
    name: 'edge-runtime VM',
    project: PROJECT,
    expectedProject: PROJECT,
    async run(options) {
      const { EdgeRuntime } = toolRequire('edge-runtime');
      const runtime = new EdgeRuntime({ initialCode: readFileSync(program('edge.js'), 'utf8') });
      return JSON.parse(
        await runtime.evaluate(
          `runScenario(${JSON.stringify(options)}).then(results => JSON.stringify(results))`,
        ),
      );
    },
  },
  {
    name: 'workerd (Miniflare)',
    project: PROJECT,
    expectedProject: PROJECT,
    async run(options) {
      const { Miniflare } = toolRequire('miniflare');
      const miniflare = new Miniflare({
        modules: true,
        scriptPath: program('worker.mjs'),
        compatibilityDate: '2026-07-30',
      });
      try {
        const response = await miniflare.dispatchFetch('http://worker.test/', {
          method: 'POST',
          body: JSON.stringify(options),
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`the Worker answered ${response.status}: ${text}`);
        return JSON.parse(text);
      } finally {
        await miniflare.dispose();
      }
    },
  },
  {
    name: 'chromium (headless)',
    project: PROJECT,
    expectedProject: PROJECT,
    async run(options) {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      try {
        const page = await browser.newPage();
        await page.goto(new URL('/runtime/page.html', server.baseURL).href);
        return await page.evaluate(
          scenarioOptions =>
            (
              globalThis as unknown as { runScenario: (o: unknown) => Promise<ScenarioResults> }
            ).runScenario(scenarioOptions),
          options,
        );
      } finally {
        await browser.close();
      }
    },
  },
];

describe.each(runtimes)('$name', runtime => {
  let results: ScenarioResults;
  const requestsFrom = () =>
    server.requests.filter(request => request.headers['x-runtime'] === runtime.name);

  beforeAll(async () => {
    const started = performance.now();
    results = await runtime.run({
      baseURL: server.baseURL,
      apiKey: API_KEY,
      runtime: runtime.name,
      ...(runtime.project == null ? {} : { project: runtime.project }),
    });
    // For the report of what each runtime adds to CI (not asserted: no timed assertions).
    console.error(
      `[runtimes] ${runtime.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  });

  const value = (call: (typeof CALLS)[number]) => {
    const outcome = results[call];
    if (!outcome.ok) throw new Error(`${call} failed in ${runtime.name}: ${outcome.error}`);
    return outcome.value;
  };

  it('generateText', () => {
    expect(value('generateText')).toBe(GENERATED_TEXT);
  });
  it('streamText', () => {
    expect(value('streamText')).toEqual({ deltas: STREAMED_WORDS, finishReason: 'stop' });
  });
  it('a one-tool loop', () => {
    expect(value('toolLoop')).toEqual({ steps: 2, text: 'The add tool said {"sum":5}.' });
  });
  it('Output.object', () => {
    expect(value('outputObject')).toEqual(WEATHER);
  });
  it('listModels', () => {
    expect(value('listModels')).toEqual(MODEL_IDS);
  });
  it('sent the key, and the project only when set', () => {
    const requests = requestsFrom();
    // 1 generateText + 1 streamText + 2 tool-loop steps + 1 Output.object + 1 listModels
    expect(requests).toHaveLength(6);
    for (const request of requests) {
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(request.headers['openai-project']).toBe(runtime.expectedProject);
    }
  });
});

describe.each([
  { name: 'deno, network only, provider without ai, with project', project: PROJECT },
  { name: 'deno, network only, provider without ai, without project', project: undefined },
])('$name', ({ name, project }) => {
  it('doGenerate, doStream and listModels with --allow-net=127.0.0.1 and nothing else', async () => {
    const options: ScenarioOptions = {
      baseURL: server.baseURL,
      apiKey: API_KEY,
      runtime: name,
      ...(project == null ? {} : { project }),
    };
    const started = performance.now();
    const results = (await runCli(
      toolBinary('deno'),
      denoArgs(NETWORK_ONLY, 'provider-only.mjs', options),
      denoEnv,
    )) as unknown as Record<string, unknown>;
    console.error(`[runtimes] ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);

    expect(results).toEqual({
      doGenerate: [{ type: 'text', text: GENERATED_TEXT }],
      doStream: STREAMED_WORDS,
      listModels: MODEL_IDS,
    });
    const requests = server.requests.filter(request => request.headers['x-runtime'] === name);
    expect(requests).toHaveLength(3);
    for (const request of requests) {
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(request.headers['openai-project']).toBe(project);
    }
  });
});
