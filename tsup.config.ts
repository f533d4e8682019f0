import { defineConfig } from 'tsup';
import packageJson from './package.json' with { type: 'json' };

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'v3/index': 'src/v3/index.ts',
      'v2/index': 'src/v2/index.ts',
      'v1/index': 'src/v1/index.ts',
      'weave/index': 'src/weave/index.ts',
    },
    format: ['esm', 'cjs'],
    // Shared chunks for CJS too (ESM splits by default), so the four CJS entries share one copy of
    // the core instead of carrying one each; `npm run test:package` loads every entry from CJS.
    splitting: true,
    // The faces are typed with the interface packages of older majors, installed here as dev-only
    // aliases (@ai-sdk/provider-v1..v3). Users have none of them, so their types are inlined.
    dts: { resolve: ['@ai-sdk/provider-v1', '@ai-sdk/provider-v2', '@ai-sdk/provider-v3'] },
    sourcemap: true,
    // The maps point at the shipped src/ instead of embedding it: the sources ship once, not once
    // per map (eight maps, four entries in two formats).
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
    // Everything but the emulator's bin, which the second build writes at the same time.
    clean: ['!bin/**'],
    target: 'es2022',
    // The package version is baked in at build time for the user-agent suffix.
    define: { __PACKAGE_VERSION__: JSON.stringify(packageJson.version) },
  },
  {
    // `npx wandb-emulator`: one ESM file for Node (the package's `bin`), no types.
    entry: { 'wandb-emulator': 'src/emulator/cli.ts' },
    outDir: 'dist/bin',
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    clean: true,
  },
]);
