/**
 * Runs one of `programs/*.mjs` inside a client's temp project, so that every import resolves from
 * that project's node_modules (the installed tarball, the program's pinned packages), never from
 * this repository. Each program prints one JSON line with what it saw;
 * `egress` lists every connection it tried beyond loopback.
 */
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEgressRecorder } from './egress-recorder.ts';
import { runCommand } from './run-command.ts';

const PROGRAMS = join(dirname(fileURLToPath(import.meta.url)), 'programs');

export async function runProgram(
  projectDir: string,
  program: string,
  env: Record<string, string>,
): Promise<{ output: any; egress: string[] }> {
  const target = join(projectDir, program);
  copyFileSync(join(PROGRAMS, program), target);
  const egress = await startEgressRecorder([]);
  try {
    const { stdout } = await runCommand(process.execPath, [target], {
      cwd: projectDir,
      // No inherited W&B settings; Node's fetch and http go through the egress recorder.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_USE_ENV_PROXY: '1',
        HTTP_PROXY: egress.url,
        HTTPS_PROXY: egress.url,
        NO_PROXY: '127.0.0.1,localhost',
        ...env,
      },
    });
    const lastLine = stdout.trim().split('\n').at(-1) ?? '';
    return { output: JSON.parse(lastLine), egress: egress.hosts };
  } finally {
    await egress.close();
  }
}
