/**
 * What the catalog knows about one W&B model. Written by `scripts/refresh-model-catalog.ts` into
 * `wandb-model-catalog.generated.ts`; an absent fact is unknown, not "unsupported".
 */
export type WandbModelFacts = {
  /** The id sent as `model`, e.g. `openai/gpt-oss-120b`. Case-sensitive. */
  readonly id: string;
  /** A display name for a model picker. */
  readonly name: string;
  /** Prompt plus completion tokens. */
  readonly contextWindow?: number;
  /** The most completion tokens one call may ask for. */
  readonly maxOutputTokens?: number;
  /** Whether the model reads images (`image_url` parts). */
  readonly imageInput?: boolean;
  readonly reasoning?: WandbReasoningMode;
  /** The `reasoning_effort` values the model accepts, lowest first, where they are listed. */
  readonly reasoningEfforts?: readonly string[];
  readonly toolCalling?: boolean;
  /** JSON schema output (`response_format: json_schema`). */
  readonly structuredOutput?: boolean;
  readonly lifecycleStage?: WandbLifecycleStage;
  /** The facts above that are inferred (from third-party data or the model's own card); the rest are published by W&B. */
  readonly inferred: readonly WandbModelFactName[];
};

/**
 * How a model reasons. `always-on`: thinking cannot be turned off. `on-by-default` /
 * `off-by-default`: `enable_thinking` switches it. `toggle`: switchable, default not published.
 * `adaptive`: the model decides per request. `none`: the model does not reason.
 */
export type WandbReasoningMode =
  | 'always-on'
  | 'on-by-default'
  | 'off-by-default'
  | 'toggle'
  | 'adaptive'
  | 'none';

/** W&B's lifecycle stages; a retired model answers 404. */
export type WandbLifecycleStage =
  | 'experimental'
  | 'general-availability'
  | 'deprecated'
  | 'retired';

export type WandbModelFactName = Exclude<keyof WandbModelFacts, 'id' | 'inferred'>;
