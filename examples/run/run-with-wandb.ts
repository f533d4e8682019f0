/**
 * Runs a command against W&B Inference when `WANDB_API_KEY` is set, and otherwise against the
 * local emulator, which it starts on 127.0.0.1 and stops when the command ends. The command finds
 * its way through the environment: `WANDB_API_KEY` and `WANDB_BASE_URL`, which `createWandb()`
 * and the default `wandb` provider read; `WEAVE_BASE_URL` and `WANDB_ENTITY`/`WANDB_PROJECT` for
 * Weave tracing.
 */
import { spawn } from 'node:child_process';
import { dirname, delimiter } from 'node:path';
import { startWandbEmulator } from '../emulator/wandb-emulator.ts';

/** Runs `command` with `args` and resolves to its exit code. */
export async function runWithWandb(
  command: string,
  args: string[],
  { cwd }: { cwd?: string } = {},
): Promise<number> {
  // Our own Node (24) first on PATH, so that `#!/usr/bin/env node` scripts such as `next` use it too.
  const env = {
    ...process.env,
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
  };
  if (process.env.WANDB_API_KEY) return run(command, args, { env, cwd });

  const emulator = await startWandbEmulator({
    onSpans: ({ spans }) =>
      console.error(
        `W&B emulator: received ${spans} span(s) for Weave (${emulator.spansReceived()} in all)`,
      ),
  });
  console.error(
    `No WANDB_API_KEY set: answering from the local W&B emulator at ${emulator.baseURL} (canned answers). Set WANDB_API_KEY to use W&B Inference.`,
  );
  try {
    return await run(command, args, {
      env: {
        ...env,
        WANDB_API_KEY: emulator.apiKey,
        WANDB_BASE_URL: emulator.baseURL,
        // Weave tracing (examples/weave-tracing.ts, the Next.js app) posts to the emulator too.
        WEAVE_BASE_URL: new URL(emulator.baseURL).origin,
        WANDB_ENTITY: process.env.WANDB_ENTITY ?? 'emulator-team',
        WANDB_PROJECT: process.env.WANDB_PROJECT ?? 'emulator-project',
      },
      cwd,
    });
  } finally {
    await emulator.close();
  }
}

function run(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: 'inherit' });
    // Ctrl-C reaches the child through the terminal, so we only wait for it to end (and then stop
    // the emulator); a TERM from a supervisor is passed on.
    const stop = () => child.kill('SIGTERM');
    const waitForChild = () => {};
    process.on('SIGTERM', stop);
    process.on('SIGINT', waitForChild);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', waitForChild);
      resolve(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 130 : 1));
    });
  });
}
