#!/usr/bin/env node
/**
 * `npx wandb-emulator [--port N] [--delay MS]`: starts the W&B emulator, prints
 * `WANDB_BASE_URL=http://127.0.0.1:<port>/v1` as its first line, and serves until SIGINT or
 * SIGTERM. Built by tsup into `dist/bin/wandb-emulator.js` (the package's `bin`).
 */
import { errorMessageOf } from '../error-message-parts.ts';
import { startWandbEmulator } from './wandb-emulator.ts';

const USAGE = `Usage: wandb-emulator [--port N] [--delay MS]

A local stand-in for W&B Inference on 127.0.0.1, for developing and testing offline.
Prints WANDB_BASE_URL=http://127.0.0.1:<port>/v1 as its first line, then serves until stopped
(Ctrl-C or SIGTERM). Any non-empty API key is accepted.

  --port N     listen on port N (default: a free port)
  --delay MS   pause MS milliseconds between streamed chunks (default 0)
  --help       show this help

Answers: text made from the prompt; JSON built from response_format's schema; a tool call when
the last user message names an offered tool; an answer from tool results; reasoning for the
catalog's reasoning models; W&B's error bodies for the model ids emulator/error-<status>
(400, 401, 402, 403, 404, 422, 429, 500, 503).`;

type CliOptions = { port?: number; delayMs?: number };

function parseArguments(args: string[]): CliOptions | 'help' {
  const options: CliOptions = {};
  for (let index = 0; index < args.length; index++) {
    const argument = args[index];
    const [flag, inlineValue] = argument.startsWith('--')
      ? argument.split(/=(.*)/s, 2)
      : [argument];
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--port':
      case '--delay': {
        const text = inlineValue ?? args[++index];
        const value = Number(text);
        const max = flag === '--port' ? 65_535 : 60_000;
        if (text == null || text === '' || !Number.isInteger(value) || value < 0 || value > max) {
          throw new UsageError(
            `${flag} needs a whole number from 0 to ${max}, got ${text ?? 'nothing'}`,
          );
        }
        if (flag === '--port') options.port = value;
        else options.delayMs = value;
        break;
      }
      default:
        throw new UsageError(`unknown argument ${argument}`);
    }
  }
  return options;
}

class UsageError extends Error {}

async function main(): Promise<void> {
  let options: CliOptions | 'help';
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`wandb-emulator: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  let spansInAll = 0;
  const emulator = await startWandbEmulator({
    ...options,
    // Weave tracing (`wandb-ai-provider/weave`) pointed at the emulator posts its spans here.
    onSpans: ({ spans, path }) => {
      spansInAll += spans;
      console.error(`W&B emulator: received ${spans} span(s) at ${path} (${spansInAll} in all)`);
    },
  });
  // Listening for the signals before the first line, so that whoever reads it can stop us.
  const stop = () => {
    clearInterval(orphanWatch);
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    emulator.close().then(() => {
      process.exitCode = 0;
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Under `npx`, a SIGTERM to npm ends npm and its shell but does not reach us; we notice that we
  // were orphaned (a new parent) and stop too, instead of serving on forever.
  const parent = process.ppid;
  const orphanWatch = setInterval(() => {
    if (process.ppid === parent) return;
    stop();
  }, 500);
  orphanWatch.unref();
  console.log(`WANDB_BASE_URL=${emulator.baseURL}`);
  console.error('W&B emulator ready: any non-empty WANDB_API_KEY works. Ctrl-C stops it.');
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE'
      ? 'wandb-emulator: that port is in use; choose another with --port N (or leave it out for a free one).'
      : `wandb-emulator: ${errorMessageOf(error)}`,
  );
  process.exitCode = 1;
});
