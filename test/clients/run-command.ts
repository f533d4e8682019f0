import { spawn } from 'node:child_process';

/**
 * Runs a command to its end with stdin closed (opencode reads a piped stdin as part of the
 * prompt, so an open pipe would keep it waiting) and returns its output; a failure, or a run
 * still going after `timeoutMs`, rejects with both streams.
 */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs?: number },
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { timeoutMs = 90_000, ...spawnOptions } = options;
    const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', piece => (stdout += piece));
    child.stderr.on('data', piece => (stderr += piece));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} exited with ${signal ?? code}\n--- stderr\n${stderr}\n--- stdout\n${stdout}`,
          ),
        );
    });
  });
}
