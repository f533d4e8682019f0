/**
 * The `wandb-emulator` command as a user runs it: its first line, its flags, and a clean stop on
 * SIGINT and SIGTERM. Runs the TypeScript source with this Node; `npm run test:package` runs the
 * built bin from an installed tarball on every supported Node line.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'emulator', 'cli.ts');
const started: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode == null) child.kill('SIGKILL');
});

/** Starts the command and resolves with its first stdout line. */
async function start(...args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args]);
  started.push(child);
  const lines = createInterface({ input: child.stdout });
  const [firstLine] = (await once(lines, 'line')) as [string];
  return { child, firstLine };
}

const exitOf = (child: ChildProcessWithoutNullStreams) =>
  once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise(resolve => probe.close(resolve));
  return port;
}

describe('wandb-emulator', () => {
  it('prints WANDB_BASE_URL first, serves, and stops cleanly on SIGTERM', async () => {
    const { child, firstLine } = await start();
    expect(firstLine).toMatch(/^WANDB_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const baseURL = firstLine.slice('WANDB_BASE_URL='.length);
    const response = await fetch(`${baseURL}/models`, { headers: { authorization: 'Bearer k' } });
    expect(response.status).toBe(200);
    const exit = exitOf(child);
    child.kill('SIGTERM');
    expect(await exit).toEqual([0, null]);
  });

  it('listens on --port N and stops cleanly on SIGINT', async () => {
    const port = await freePort();
    const { child, firstLine } = await start('--port', String(port));
    expect(firstLine).toBe(`WANDB_BASE_URL=http://127.0.0.1:${port}/v1`);
    const exit = exitOf(child);
    child.kill('SIGINT');
    expect(await exit).toEqual([0, null]);
  });

  it('stops when orphaned, as under npx when a supervisor ends npm', async () => {
    // A shell that runs the emulator as its child, as `npm exec` does; killing the shell alone
    // leaves the emulator with a new parent.
    const shell = spawn('sh', ['-c', `"${process.execPath}" "${CLI}" & wait`]);
    started.push(shell);
    const [firstLine] = (await once(createInterface({ input: shell.stdout }), 'line')) as [string];
    const baseURL = firstLine.slice('WANDB_BASE_URL='.length);
    shell.kill('SIGKILL');
    // Waits until the emulator no longer answers; the test's timeout fails it if it serves on.
    let serving = true;
    while (serving) {
      serving = await fetch(`${baseURL}/models`).then(
        () => true,
        () => false,
      );
      if (serving) await new Promise(resolve => setTimeout(resolve, 100));
    }
  });

  it('says when the port is taken', async () => {
    const { child, firstLine } = await start();
    const port = new URL(firstLine.slice('WANDB_BASE_URL='.length)).port;
    const second = await promisify(execFile)(process.execPath, [CLI, '--port', port]).catch(
      error => error,
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('that port is in use; choose another with --port N');
    child.kill('SIGTERM');
  });

  it('prints its help with --help', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, '--help']);
    expect(stdout).toContain('Usage: wandb-emulator [--port N] [--delay MS]');
    expect(stdout).toContain('emulator/error-<status>');
  });

  it.each([
    [['--port', 'abc'], '--port needs a whole number from 0 to 65535, got abc'],
    [['--port'], '--port needs a whole number from 0 to 65535, got nothing'],
    [['--colour'], 'unknown argument --colour'],
  ])('rejects %j with exit code 2 and says why', async (args, message) => {
    const result = await promisify(execFile)(process.execPath, [CLI, ...args]).catch(
      error => error,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`wandb-emulator: ${message}`);
    expect(result.stderr).toContain('Usage: wandb-emulator');
  });
});
