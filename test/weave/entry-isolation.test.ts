/**
 * The OpenTelemetry packages and @ai-sdk/otel are optional peers of `/weave` only: bundling the
 * root and the /v1–/v3 entries pulls in none of them, bundling `/weave` does (the control).
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const TRACING_PACKAGES = /node_modules\/(@opentelemetry\/|@ai-sdk\/otel\/)/;

async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    define: { __PACKAGE_VERSION__: '"0.0.0-test"' },
  });
  return Object.keys(result.metafile.inputs);
}

describe('entry isolation', () => {
  it.each(['src/index.ts', 'src/v3/index.ts', 'src/v2/index.ts', 'src/v1/index.ts'])(
    '%s bundles no OpenTelemetry package',
    async entry => {
      const inputs = await bundledInputs(entry);
      expect(inputs.length).toBeGreaterThan(10);
      expect(inputs.filter(input => TRACING_PACKAGES.test(input))).toEqual([]);
    },
  );

  it('src/weave/index.ts does (the control)', async () => {
    const inputs = await bundledInputs('src/weave/index.ts');
    expect(
      inputs.some(input =>
        input.includes('node_modules/@opentelemetry/exporter-trace-otlp-proto/'),
      ),
    ).toBe(true);
    expect(inputs.some(input => input.includes('node_modules/@ai-sdk/otel/'))).toBe(true);
  });
});
