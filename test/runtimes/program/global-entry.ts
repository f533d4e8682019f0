/**
 * For the Edge runtime VM and the browser page (bundled as a classic script): `runScenario` on
 * the global object, for the harness to call.
 */
import { runScenario } from './scenario';

(globalThis as { runScenario?: typeof runScenario }).runScenario = runScenario;
