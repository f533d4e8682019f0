import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// `npm run test:weave`: Weave tracing end to end (real ai majors, OpenTelemetry exporter, a
// loopback OTLP receiver). Separate from `npm test` because the refused-collector case waits for
// the exporter's real retry schedule (about ten seconds).
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/weave/**/*.test.ts'], exclude: ['node_modules/**'] },
});
