/**
 * Every example runs as a newcomer runs it, `npm run example <name>` without a key, against the
 * local W&B emulator, in its own Node process, and prints what it should. So examples never rot.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT, ensurePackageBuilt } from '../../examples/run/ensure-package-built.ts';

const RUNNER = join(REPOSITORY_ROOT, 'examples', 'run', 'run-example.ts');

/** What each example must print (in this order), from the emulator's canned answers. */
const EXPECTED_OUTPUT: Record<string, Array<string | RegExp>> = {
  'generate-text': [
    'Attention lets every token weigh every other token',
    /\[stop; \d+ tokens in, \d+ out\]/,
  ],
  'stream-text': [
    'Down the foggy slope,\nsmall steps against the gradient —\nloss sighs, settles low.',
    /\[\d+ tokens out\]/,
  ],
  reasoning: [
    'Reasoning:',
    'Let the ball cost x',
    'Answer:',
    'The ball costs **$0.05**',
    /\[\d+ characters of reasoning, \d+ of answer\]/,
  ],
  'generate-object': [
    'Pizza Margherita (2 servings, 90 minutes)',
    '  - 250 g pizza dough',
    '4. Finish with basil',
  ],
  'stream-object': [
    /update \d+: 1 idea\(s\), the newest title so far: "Comm/,
    /update \d+: 3 idea\(s\)/,
    /\d+ partial objects, then:/,
    '1. Commit Haiku: A git hook',
    '3. Meeting Minus:',
  ],
  'tool-agent': [
    'Paris and Berlin',
    '→ weather({"city":"Paris"})',
    '→ weather({"city":"Berlin"})',
    '← {"city":"Paris","celsius":11,"conditions":"light rain"}',
    'Paris: 11 °C and light rain, so take a jacket.',
    '[2 steps, 2 tool calls]',
  ],
  'image-question': ['a red circle on the left and a blue square on the right'],
  'lora-model': [
    'wandb-artifact:///acme-support/assistant/support-lora:v3 says:',
    'Refunds for annual plans are prorated',
  ],
  'list-models': ['20 models:', '  meta-llama/Llama-3.3-70B-Instruct', '  zai-org/GLM-5.3-Flash'],
  'provider-options': [
    'Qwen/Qwen3.6-35B-A3B {"enableThinking":true}\n  reasoning: 129 characters',
    'Qwen/Qwen3.6-35B-A3B {"enableThinking":false}\n  reasoning: none',
    'openai/gpt-oss-120b {"reasoningEffort":"low"}\n  reasoning: 59 characters',
    'openai/gpt-oss-120b {"reasoningEffort":"high"}\n  reasoning: 236 characters',
    'together they add up to 112',
  ],
  'weave-tracing': [
    'turn 1: Attention lets every token weigh every other token',
    'turn 2: ',
    'Paris: 11 °C',
    /\[\d+ steps; thread weave-example-…\]/,
    'spans sent to Weave',
  ],
  errors: [
    'A wrong API key:\n  HTTP 401, retryable: false\n  W&B Inference error (HTTP 401): Authentication failed',
    'A retired model:\n  HTTP 404, retryable: false\n  W&B Inference error (HTTP 404): The requested resource was not found',
  ],
};

/** `npm run example <name>` with no W&B settings in the environment. */
async function runExample(name: string) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('WANDB_')),
  );
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [RUNNER, name], {
      cwd: REPOSITORY_ROOT,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

function expectInOrder(output: string, expected: Array<string | RegExp>) {
  let rest = output;
  for (const piece of expected) {
    const match =
      typeof piece === 'string'
        ? { index: rest.indexOf(piece), length: piece.length }
        : matchOf(piece.exec(rest));
    expect(match.index, `${piece} (in order) in:\n${output}`).toBeGreaterThanOrEqual(0);
    rest = rest.slice(match.index + match.length);
  }
}

const matchOf = (match: RegExpExecArray | null) => ({
  index: match?.index ?? -1,
  length: match?.[0].length ?? 0,
});

// Building dist/ (the examples import the package by its name) can take a while on a fresh clone.
beforeAll(() => ensurePackageBuilt(), 120_000);

describe('examples/', () => {
  it('has an expected output here for every example file', () => {
    const files = readdirSync(join(REPOSITORY_ROOT, 'examples')).filter(file =>
      file.endsWith('.ts'),
    );
    expect(files.map(file => file.replace(/\.ts$/, '')).sort()).toEqual(
      Object.keys(EXPECTED_OUTPUT).sort(),
    );
  });

  it.concurrent.each(Object.keys(EXPECTED_OUTPUT))(
    '%s runs against the emulator and prints what it should',
    async name => {
      const { code, stdout, stderr } = await runExample(name);
      expect(code, stderr).toBe(0);
      // One line says where the answers come from, and one per post of spans the emulator's
      // Weave endpoint received; no warnings, no stack traces.
      const [origin, ...spanLines] = stderr.trim().split('\n');
      expect(origin).toMatch(
        /^No WANDB_API_KEY set: answering from the local W&B emulator at http:\/\/127\.0\.0\.1:\d+\/v1 \(canned answers\)\. Set WANDB_API_KEY to use W&B Inference\.$/,
      );
      for (const line of spanLines) {
        expect(line).toMatch(/^W&B emulator: received \d+ span\(s\) for Weave \(\d+ in all\)$/);
      }
      // Only the tracing example sends spans: the two turns' traces (3 + at least 5 spans).
      if (name === 'weave-tracing') {
        expect(
          Number(/\((\d+) in all\)$/.exec(spanLines.at(-1) ?? '')?.[1]),
        ).toBeGreaterThanOrEqual(8);
      } else {
        expect(spanLines).toEqual([]);
      }
      // stdout is a pipe here, so no terminal codes (colour only on a terminal).
      expect(stdout).not.toContain('\x1b[');
      expectInOrder(stdout, EXPECTED_OUTPUT[name]);
    },
    60_000,
  );

  // `script` (util-linux) runs the example on a pseudo-terminal, as a user's shell does.
  it.concurrent.each([
    ['dims the reasoning on a terminal', {}, true],
    ['prints no colour on a terminal when NO_COLOR is set', { NO_COLOR: '1' }, false],
  ])(
    '%s',
    async (_title, extraEnv, coloured) => {
      const env = {
        ...Object.fromEntries(
          Object.entries(process.env).filter(
            ([key]) => !key.startsWith('WANDB_') && key !== 'NO_COLOR',
          ),
        ),
        ...extraEnv,
      };
      const command = [process.execPath, RUNNER, 'reasoning'].map(part => `'${part}'`).join(' ');
      const { stdout } = await promisify(execFile)('script', ['-qec', command, '/dev/null'], {
        cwd: REPOSITORY_ROOT,
        env,
      });
      expect(stdout).toContain('The ball costs');
      expect(stdout.includes('\x1b[2m')).toBe(coloured);
    },
    60_000,
  );

  it('names the examples when asked for one that does not exist', async () => {
    const { code, stdout, stderr } = await runExample('no-such-example');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      "There is no example 'no-such-example': npm run example <name>, one of",
    );
    expect(stderr).toContain('  stream-text');
  });
});
