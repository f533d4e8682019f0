import { defineConfig } from 'vitest/config';

// `npm run test:clients`: real programs (opencode, Mastra, VoltAgent, LangSmith, AI SDK devtools,
// ai@7's composition helpers) installed from npm next to the packed tarball, each driven against
// the fake W&B server on 127.0.0.1.
export default defineConfig({
  test: {
    include: ['test/clients/**/*.clients.ts'],
    globalSetup: ['test/clients/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
