/**
 * The shared frame of the agent-framework suites (Mastra, VoltAgent): a fake W&B server that
 * answers any request with the scripted client answers, and one run of the suite's program
 * against it, before the suite's first test. The tests then read what the program printed and
 * what the server received.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import type { ClientProjectName } from './versions.ts';
import { REPOSITORY_ROOT } from './client-projects.ts';
import { runProgram } from './run-program.ts';
import { scriptedAnswer } from './scripted-answers.ts';
import { type FakeWandbServer, startFakeWandbServer } from './wandb-server.ts';

export const IMAGE = join(REPOSITORY_ROOT, 'examples/assets/shapes.png');

export type AgentProgramRun = {
  readonly server: FakeWandbServer;
  readonly run: Awaited<ReturnType<typeof runProgram>>;
  /** The JSON bodies of every request the server received, in order. */
  bodies(): any[];
};

export function useAgentProgramRun(
  project: ClientProjectName,
  program: string,
  env: Record<string, string>,
): AgentProgramRun {
  let server: FakeWandbServer | undefined;
  let run: Awaited<ReturnType<typeof runProgram>> | undefined;
  beforeAll(async () => {
    server = await startFakeWandbServer({ unscripted: scriptedAnswer });
    run = await runProgram(inject('projects')[project], program, {
      WANDB_BASE_URL: server.baseURL,
      IMAGE_PATH: IMAGE,
      ...env,
    });
  });
  afterAll(() => server?.close());
  const started = <T>(value: T | undefined): T => {
    if (value == null) throw new Error('the program runs in beforeAll; read it in a test');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get run() {
      return started(run);
    },
    bodies: () => started(server).requests.map(request => request.body),
  };
}
