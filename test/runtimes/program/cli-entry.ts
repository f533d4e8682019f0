/**
 * Bun and Deno run this (bundled): the scenario's options come as one JSON argument, the results
 * go to stdout as one JSON line. Arguments, not environment variables: Deno runs without
 * --allow-env.
 */
import { runScenario } from './scenario';

declare const Deno: { args: string[] } | undefined;

const argument = typeof Deno === 'undefined' ? process.argv[2] : Deno.args[0];
console.log(JSON.stringify(await runScenario(JSON.parse(argument ?? '{}'))));
