import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    unstubEnvs: true,
    testTimeout: 15_000,
  },
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
});
