import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Weave tracing has its own suite: `npm run test:weave` (vitest.weave.config.ts).
    exclude: ['test/weave/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    unstubEnvs: true,
    testTimeout: 15_000,
  },
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
});
