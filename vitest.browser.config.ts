import { defineConfig } from 'vitest/config';

// `npm run test:browser`: the Next.js example app in headless Chromium (after
// test/browser/prepare-browser-e2e.ts has installed and built what it needs).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
