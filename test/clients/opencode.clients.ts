/**
 * opencode (npm `opencode-ai`), the coding agent: it reads a provider's npm package name from its
 * config, installs it itself, calls the package's first `create…` export with
 * `{ name: <provider id>, ...options }`, and drives the model through ai@6 (wrapping the root
 * entry's model in ai@6's `wrapLanguageModel`). Here the package is our packed tarball, the
 * provider id is `acme` (not `wandb`), and `opencode run` is the real CLI.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCommand } from './run-command.ts';
import { startEgressRecorder, type EgressRecorder } from './egress-recorder.ts';
import { NPM_CACHE, REPOSITORY_ROOT } from './client-projects.ts';
import {
  chunk,
  type FakeWandbServer,
  type RecordedRequest,
  type ScriptedReply,
  startFakeWandbServer,
  textStream,
  usageChunk,
} from './wandb-server.ts';

const PROVIDER_ID = 'acme';
/** The registry npm uses here (npm hands scripts its settings as npm_config_*). */
const REGISTRY = new URL(process.env.npm_config_registry ?? 'https://registry.npmjs.org/');
const REGISTRY_TARGET = `${REGISTRY.hostname}:${REGISTRY.port || (REGISTRY.protocol === 'https:' ? 443 : 80)}`;
const MODEL_ID = 'openai/gpt-oss-120b';
const NOTE = 'The launch code is PELICAN-42.';

let server: FakeWandbServer;
let egress: EgressRecorder;
let home: string;
let workspace: string;

/** Answers by what opencode asks, so that the order of its calls does not matter. */
function answer(request: RecordedRequest): ScriptedReply {
  const messages: any[] = request.body?.messages ?? [];
  const last = messages.at(-1);
  if (last?.role === 'tool')
    return {
      type: 'sse',
      events: textStream(
        'The note reads: ',
        String(last.content).includes('PELICAN-42') ? 'PELICAN-42' : 'nothing',
      ),
    };
  const lastText = JSON.stringify(last?.content ?? '');
  if (lastText.includes('image_url'))
    return { type: 'sse', events: textStream('I see ', 'a picture of shapes.') };
  if (lastText.includes('Read note.txt'))
    return {
      type: 'sse',
      events: [
        chunk({ role: 'assistant', content: '' }),
        chunk({
          tool_calls: [
            {
              index: 0,
              id: 'call_read_1',
              type: 'function',
              function: {
                name: 'read',
                arguments: JSON.stringify({ filePath: join(workspace, 'note.txt') }),
              },
            },
          ],
        }),
        chunk({}, 'tool_calls'),
        usageChunk(),
      ],
    };
  return {
    type: 'sse',
    events: [
      chunk({ role: 'assistant', content: '' }),
      chunk({ reasoning_content: 'A greeting is due.' }),
      chunk({ content: 'Hello from ' }),
      chunk({ content: 'the fake W&B server.' }),
      chunk({}, 'stop'),
      usageChunk(),
    ],
  };
}

async function opencodeRun(
  args: string[],
): Promise<{ stdout: string; requests: RecordedRequest[] }> {
  const before = server.requests.length;
  const binary = join(inject('projects').opencode, 'node_modules/.bin/opencode');
  const { stdout } = await runCommand(
    binary,
    ['run', '--pure', '--title', 'client test', ...args],
    {
      cwd: workspace,
      env: opencodeEnv(),
    },
  );
  return { stdout, requests: server.requests.slice(before) };
}

/** A private home and every switch that keeps opencode off the network (beyond the registry). */
function opencodeEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local/state'),
    // models.dev: the catalog built into the binary, never a download (and a loopback URL if it tried).
    OPENCODE_DISABLE_MODELS_FETCH: '1',
    OPENCODE_MODELS_URL: new URL(server.baseURL).origin,
    OPENCODE_DISABLE_AUTOUPDATE: '1',
    OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
    OPENCODE_DISABLE_DEFAULT_PLUGINS: '1',
    OPENCODE_DISABLE_CLAUDE_CODE: '1',
    OPENCODE_DISABLE_EXTERNAL_SKILLS: '1',
    WANDB_API_KEY: 'opencode-test-key',
    // Every connection beyond loopback goes through the recorder.
    HTTP_PROXY: egress.url,
    HTTPS_PROXY: egress.url,
    http_proxy: egress.url,
    https_proxy: egress.url,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
    // opencode installs the provider's package with npm's Arborist, which reads npm's settings.
    npm_config_cache: NPM_CACHE,
    npm_config_registry: REGISTRY.href,
  };
}

beforeAll(async () => {
  server = await startFakeWandbServer({ unscripted: answer });
  egress = await startEgressRecorder([REGISTRY.hostname]);
  home = mkdtempSync(join(tmpdir(), 'opencode-home-'));
  workspace = mkdtempSync(join(tmpdir(), 'opencode-workspace-'));
  mkdirSync(join(home, '.config'), { recursive: true });
  writeFileSync(join(workspace, 'note.txt'), `${NOTE}\n`);
  copyFileSync(join(REPOSITORY_ROOT, 'examples/assets/shapes.png'), join(workspace, 'shapes.png'));
  const config = {
    $schema: 'https://opencode.ai/config.json',
    autoupdate: false,
    share: 'disabled',
    provider: {
      [PROVIDER_ID]: {
        npm: `wandb-ai-provider@file:${inject('tarball')}`,
        name: 'W&B Inference',
        options: { baseURL: server.baseURL, apiKey: '{env:WANDB_API_KEY}' },
        models: {
          [MODEL_ID]: {
            name: 'gpt-oss 120B',
            attachment: true,
            reasoning: true,
            tool_call: true,
            modalities: { input: ['text', 'image'], output: ['text'] },
            options: { reasoningEffort: 'low' },
          },
        },
      },
    },
    model: `${PROVIDER_ID}/${MODEL_ID}`,
    small_model: `${PROVIDER_ID}/${MODEL_ID}`,
  };
  writeFileSync(join(workspace, 'opencode.json'), `${JSON.stringify(config, null, 2)}\n`);
});

afterAll(async () => {
  await server?.close();
  await egress?.close();
  for (const dir of [home, workspace]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('opencode run', () => {
  it('answers a text prompt with its reasoning, sending the model options set under the provider id', async () => {
    const { stdout, requests } = await opencodeRun(['Say hello', '--thinking']);
    expect(stdout).toContain('Hello from the fake W&B server.');
    // The reasoning delta, shown as a thinking block (`--thinking`).
    expect(stdout).toContain('A greeting is due.');
    const main = requests.find(request => request.body?.tools != null);
    expect(main?.headers.authorization).toBe('Bearer opencode-test-key');
    expect(main?.body).toMatchObject({
      model: MODEL_ID,
      stream: true,
      // `reasoningEffort` sits under providerOptions.acme: read through the `name` setting.
      reasoning_effort: 'low',
    });
    // opencode quotes the command line's message itself.
    expect(main?.body.messages.at(-1)).toEqual({ role: 'user', content: '"Say hello"' });
  });

  it('sends the earlier turn, reasoning included, when the session continues', async () => {
    const { stdout, requests } = await opencodeRun(['Say it again', '--continue']);
    expect(stdout).toContain('Hello from the fake W&B server.');
    const main = requests.find(request => request.body?.tools != null);
    const earlier = main?.body.messages.find((message: any) => message.role === 'assistant');
    expect(earlier).toMatchObject({
      content: 'Hello from the fake W&B server.',
      // Both names: vLLM 0.16 and later read `reasoning`, older servers `reasoning_content`.
      reasoning: 'A greeting is due.',
      reasoning_content: 'A greeting is due.',
    });
  });

  it('runs a tool call and sends the tool result back', async () => {
    const { stdout, requests } = await opencodeRun(['Read note.txt and tell me what it says']);
    expect(stdout).toContain('The note reads: PELICAN-42');
    const second = requests.find(request => request.body?.messages.at(-1)?.role === 'tool');
    const [assistant, toolResult] = second?.body.messages.slice(-2) ?? [];
    expect(assistant.tool_calls).toEqual([
      {
        id: 'call_read_1',
        type: 'function',
        function: {
          name: 'read',
          arguments: JSON.stringify({ filePath: join(workspace, 'note.txt') }),
        },
      },
    ]);
    expect(toolResult).toMatchObject({ role: 'tool', tool_call_id: 'call_read_1' });
    expect(toolResult.content).toContain(NOTE);
  });

  it('sends an image attached with -f as an image_url part', async () => {
    const { stdout, requests } = await opencodeRun([
      'Describe the attached picture',
      '-f',
      'shapes.png',
    ]);
    expect(stdout).toContain('I see a picture of shapes.');
    const ask = requests.find(request =>
      JSON.stringify(request.body?.messages ?? []).includes('image_url'),
    );
    const parts: any[] = ask?.body.messages.at(-1).content ?? [];
    const image = parts.find(part => part.type === 'image_url');
    const png = readFileSync(join(workspace, 'shapes.png')).toString('base64');
    expect(image).toEqual({
      type: 'image_url',
      image_url: { url: `data:image/png;base64,${png}` },
    });
  });

  it('made no connection beyond loopback except to the npm registry', () => {
    // Its install of the provider went through the recorder, so the recorder sees its traffic.
    expect(egress.hosts).toContain(REGISTRY_TARGET);
    expect(egress.hosts.filter(host => host !== REGISTRY_TARGET)).toEqual([]);
  });
});
