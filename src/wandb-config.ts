import type { FetchFunction } from '@ai-sdk/provider-utils';

/** What a model needs from its provider; built once by `createWandb`. */
export type WandbConfig = {
  /** Reported as `model.provider`: `<name>.chat`, e.g. `wandb.chat`. */
  provider: string;
  /** The `name` setting: provider options are read from `providerOptions[name]` too. */
  providerOptionsName: string;
  /**
   * The base URL of one request, without a trailing slash, e.g. `https://api.inference.wandb.ai/v1`.
   * A function because, without a `baseURL` setting, `WANDB_BASE_URL` is read at request time.
   */
  baseURL: () => string;
  /**
   * The headers of one request: provider headers, then the call's own headers (which win), with
   * our user-agent suffix appended last. Computed per request, so the API key is read then.
   */
  headers: (callHeaders?: Record<string, string | undefined>) => Record<string, string>;
  fetch?: FetchFunction;
  /** Ask for a usage chunk at the end of streams (`stream_options.include_usage`). */
  includeUsage: boolean;
};
