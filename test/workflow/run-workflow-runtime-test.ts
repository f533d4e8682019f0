/**
 * `npm run test:workflow`: the chat model through the Workflow SDK's own serializer, the code a
 * durable run (ai@7's WorkflowAgent) uses to store step arguments between steps. Installs
 * `workflow` (pinned) into the git-ignored `.cache/workflow-runtime/`, builds `dist/`, then:
 * dehydrates a model created with an API key and credential headers, checks the stored bytes
 * hold neither, hydrates it back, and makes a real `ai@7` call with it against the fake W&B
 * server, with the key taken from WANDB_API_KEY as where a workflow resumes.
 *
 * Not covered here: a whole durable run through `start()`, which needs an app built with the
 * Workflow SDK's compiler plugin. That plugin is also what gives classes their `classId`; here
 * `registerSerializationClass` does it, the Workflow SDK's API for exactly that.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { completion, startFakeWandbServer } from '../../src/emulator/scripted-wandb-server.ts';

const WORKFLOW_VERSION = '5.0.0-beta.55';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const runtimeDir = join(root, '.cache/workflow-runtime');

if (!existsSync(join(runtimeDir, 'node_modules/workflow/package.json'))) {
  mkdirSync(runtimeDir, { recursive: true });
  writeFileSync(join(runtimeDir, 'package.json'), '{"private": true, "type": "module"}\n');
  console.log(`installing workflow@${WORKFLOW_VERSION} into .cache/workflow-runtime…`);
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      '--ignore-scripts',
      `workflow@${WORKFLOW_VERSION}`,
    ],
    {
      cwd: runtimeDir,
      stdio: 'inherit',
      env: { ...process.env, npm_config_cache: join(root, '.cache/npm') },
    },
  );
}
execFileSync('npx', ['tsup', '--silent'], { cwd: root, stdio: 'inherit' });

const fromRuntime = createRequire(join(runtimeDir, 'package.json'));
const load = (specifier: string) => import(pathToFileURL(fromRuntime.resolve(specifier)).href);
const { dehydrateStepArguments, hydrateStepArguments } = await load('@workflow/core/serialization');
const { registerSerializationClass } = await load('@workflow/core/class-serialization');
const { createWandb } = await import(pathToFileURL(join(root, 'dist/index.js')).href);
const { generateText } = await import('ai');

// The checks below look at warnings themselves.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
const SECRET = 'wandb-secret-key-0123456789';
const server = await startFakeWandbServer();
let failed = false;
async function check(name: string, body: () => Promise<void>) {
  try {
    await body();
    console.log(`ok   ${name}`);
  } catch (error) {
    failed = true;
    console.log(`FAIL ${name}\n${error instanceof Error ? error.stack : error}`);
  }
}

try {
  delete process.env.WANDB_API_KEY;
  const model = createWandb({
    apiKey: SECRET,
    baseURL: server.baseURL,
    project: 'team/project',
    headers: { 'X-Trace': 'trace-1', Authorization: `Bearer ${SECRET}` },
  })('zai-org/GLM-5.3-Flash');
  registerSerializationClass('class//wandb-ai-provider//WandbChatLanguageModel', model.constructor);

  const stored: Uint8Array = await dehydrateStepArguments([model, 'Hi'], 'wrun_test', undefined);
  const storedText = Buffer.from(stored).toString('latin1');

  await check('the stored step arguments hold the model state, not the key', async () => {
    assert.match(storedText, /zai-org\/GLM-5\.3-Flash/);
    assert.match(storedText, /team\/project/);
    assert.match(storedText, /trace-1/);
    assert.doesNotMatch(storedText, new RegExp(SECRET));
  });

  await check('the hydrated model calls W&B with the key from WANDB_API_KEY', async () => {
    const [restored, prompt] = await hydrateStepArguments(stored, 'wrun_test', undefined);
    assert.equal(restored.constructor, model.constructor);
    process.env.WANDB_API_KEY = 'key-where-the-workflow-resumes';
    server.chat({ type: 'json', body: completion({ content: 'resumed' }) });
    const result = await generateText({ model: restored, prompt });
    assert.equal(result.text, 'resumed');
    const request = server.requests.at(-1)!;
    assert.equal(request.headers.authorization, 'Bearer key-where-the-workflow-resumes');
    assert.equal(request.headers['openai-project'], 'team/project');
    assert.equal(request.headers['x-trace'], 'trace-1');
  });

  await check('without WANDB_API_KEY the hydrated model fails with LoadAPIKeyError', async () => {
    delete process.env.WANDB_API_KEY;
    const [restored] = await hydrateStepArguments(stored, 'wrun_test', undefined);
    const error = await generateText({ model: restored, prompt: 'Hi' }).catch(caught => caught);
    assert.equal(error?.name, 'AI_LoadAPIKeyError');
    assert.match(error.message, /restored from a durable workflow state/);
  });
} finally {
  await server.close();
}
process.exit(failed ? 1 : 0);
