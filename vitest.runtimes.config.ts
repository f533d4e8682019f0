import { defineConfig } from 'vitest/config';

// `npm run test:runtimes`: the package in Bun, Deno, the Edge runtime VM, workerd (Miniflare) and
// headless Chromium (after test/runtimes/prepare-runtimes.ts has installed and bundled them).
export default defineConfig({
  test: {
    include: ['test/runtimes/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
