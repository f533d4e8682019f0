/** A Cloudflare Worker (bundled, run by workerd through Miniflare): POST the options, get the results. */
import { runScenario, type ScenarioOptions } from './scenario';

export default {
  async fetch(request: Request): Promise<Response> {
    const options = (await request.json()) as ScenarioOptions;
    return Response.json(await runScenario(options));
  },
};
