// Next.js calls `register()` once when the server starts: every AI SDK call of the app (the
// server actions and /api/chat) is then traced to W&B Weave. https://nextjs.org/docs/app/guides/instrumentation
export async function register() {
  // The exporter and its context manager are Node's; the app's AI calls all run in Node.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (!process.env.WANDB_ENTITY || !process.env.WANDB_PROJECT) {
    console.warn('Weave tracing is off: set WANDB_ENTITY and WANDB_PROJECT to send traces to W&B.');
    return;
  }
  const { registerWeaveTracing } = await import('wandb-ai-provider/weave');
  // WEAVE_BASE_URL is the examples' own variable (`npm start` without a key points it at the
  // local emulator); unset, the traces go to https://trace.wandb.ai. A long-running server needs
  // no flush: the batch is sent every few seconds.
  registerWeaveTracing({ baseURL: process.env.WEAVE_BASE_URL });
}
