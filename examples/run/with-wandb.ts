// `node examples/run/with-wandb.ts <command> [args…]`: runs the command against W&B Inference when
// WANDB_API_KEY is set, else against the local emulator (used by the Next.js app's npm scripts).
import { runWithWandb } from './run-with-wandb.ts';

const [command, ...args] = process.argv.slice(2);
if (command == null) {
  console.error('Usage: node examples/run/with-wandb.ts <command> [args…]');
  process.exit(2);
}
try {
  process.exitCode = await runWithWandb(command, args);
} catch (error) {
  // Typically ENOENT: the command is not on PATH (run the app's scripts through npm).
  console.error(
    `Could not run ${command}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 127;
}
