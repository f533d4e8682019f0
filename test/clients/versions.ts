/**
 * The programs `npm run test:clients` installs, pinned here and nowhere else: each temp project
 * under `.cache/clients/<name>` gets exactly these packages plus this package's packed tarball.
 */
export const CLIENT_PROJECTS = {
  /** The coding agent; it installs the provider itself from its config's `npm` field. */
  opencode: { 'opencode-ai': '1.18.33' },
  mastra: { '@mastra/core': '1.71.0', zod: '3.25.76' },
  /** VoltAgent builds on ai@6, so it takes the `/v3` entry. */
  voltagent: {
    '@voltagent/core': '2.10.0',
    '@voltagent/logger': '2.0.2',
    ai: '6.0.326',
    zod: '3.25.76',
  },
  /** ai@7 itself (composition helpers) and the tools that wrap it. */
  ai7: { ai: '7.0.173', '@ai-sdk/devtools': '1.0.22', langsmith: '0.12.0', zod: '3.25.76' },
} as const satisfies Record<string, Record<string, string>>;

export type ClientProjectName = keyof typeof CLIENT_PROJECTS;
