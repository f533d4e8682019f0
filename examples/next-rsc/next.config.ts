import { resolve } from 'node:path';
import type { NextConfig } from 'next';

// `wandb-ai-provider` is linked from the repository root (`file:../..`), outside this app's
// folder; the bundler and the file tracing must be allowed to read up there.
const repositoryRoot = resolve(process.cwd(), '../..');

const nextConfig: NextConfig = {
  turbopack: { root: repositoryRoot },
  outputFileTracingRoot: repositoryRoot,
};

export default nextConfig;
