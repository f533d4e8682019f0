// Tests must never depend on the developer's real W&B settings.
delete process.env.WANDB_API_KEY;
delete process.env.WANDB_ENTITY;
delete process.env.WANDB_PROJECT;

// `ai` prints call warnings to the console; tests assert on warnings directly.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
