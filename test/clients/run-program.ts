/**
 * Runs one of `programs/*.mjs` inside a client's temp project, so that every import resolves from
 * that project's node_modules (the installed tarball, the program's pinned packages), never from
 * this repository. Each program prints one JSON line with what it saw.
 */
import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const PROGRAMS = join(dirname(fileURLToPath(import.meta.url)), 'programs');

export async function runProgram(
  projectDir: string,
  program: string,
  env: Record<string, string>,
): Promise<any> {
  const target = join(projectDir, program);
  copyFileSync(join(PROGRAMS, program), target);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [target], {
      cwd: projectDir,
      // No inherited proxy or W&B settings: the program sees only what the test gives it.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    const lastLine = stdout.trim().split('\n').at(-1) ?? '';
    return JSON.parse(lastLine);
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${program} failed:\n${stderr ?? ''}\n${stdout ?? ''}`, { cause: error });
  }
}
