import { spawn } from 'node:child_process';

/**
 * Runs a command to its end with stdin closed (opencode reads a piped stdin as part of the
 * prompt, so an open pipe would keep it waiting) and returns its output; a failure carries both
 * streams.
 */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', piece => (stdout += piece));
    child.stderr.on('data', piece => (stderr += piece));
    child.on('error', reject);
    child.on('close', (code, signal) => {
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
