import { afterAll, afterEach } from 'vitest';

// Tests must never depend on the developer's real W&B settings.
delete process.env.WANDB_API_KEY;
delete process.env.WANDB_ENTITY;
delete process.env.WANDB_PROJECT;
delete process.env.WANDB_BASE_URL;

// `ai` prints call warnings to the console; tests assert on warnings directly.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

/*
 * A trap for the whole suite: an unhandled rejection or a process warning (MaxListenersExceeded,
 * a deprecation, …) anywhere fails the test during which it surfaced, or the file when it surfaces
 * after the last test. A provider that leaks either into a user's app is broken even when every
 * assertion passes.
 */
const trapped: string[] = [];
process.on('unhandledRejection', reason => {
  trapped.push(
    `unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
  );
});
process.on('warning', warning => {
  trapped.push(`process warning: ${warning.name}: ${warning.message}`);
});

function failOnTrapped(when: string): void {
  if (trapped.length === 0) return;
  const found = trapped.splice(0);
  throw new Error(
    `${found.length} unhandled rejection(s) or process warning(s) ${when}:\n${found.join('\n')}`,
  );
}

afterEach(() => {
  failOnTrapped('during this test');
});
afterAll(async () => {
  // Process warnings are emitted on a later tick; give the last ones a turn to arrive.
  await new Promise(resolve => setImmediate(resolve));
  failOnTrapped('after the last test of this file');
});
