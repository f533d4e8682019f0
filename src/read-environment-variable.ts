/**
 * The one place the package reads environment variables. An environment that cannot be read
 * counts as unset: browsers and edge runtimes have no `process`, and Deno has a `process` whose
 * `process.env` throws (`NotCapable`) for every variable it was given no `--allow-env` for, so a
 * `typeof process` guard is not enough. Explicit settings then still work everywhere.
 */
export function readEnvironmentVariable(name: string): string | undefined {
  try {
    const value = globalThis.process?.env?.[name];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
