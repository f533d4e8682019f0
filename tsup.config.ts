import { defineConfig } from 'tsup';
import packageJson from './package.json' with { type: 'json' };

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // The package version is baked in at build time for the user-agent suffix.
  define: { __PACKAGE_VERSION__: JSON.stringify(packageJson.version) },
});
