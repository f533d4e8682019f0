import { InvalidArgumentError, type SharedV4ProviderOptions } from '@ai-sdk/provider';
import { z } from 'zod/v4';
import { assertSendableAsJson } from './assert-sendable-as-json';

/**
 * Model ids served by W&B Inference, for editor completion (CONTRIBUTING.md says how to refresh it).
 * The catalog changes often, so any other string is accepted too, including LoRA artifacts such as
 * `wandb-artifact:///my-team/my-project/my-lora:v1`. Current list: https://docs.wandb.ai/inference/models
 */
export type WandbChatModelId =
  | 'moonshotai/Kimi-K2.7-Code'
  | 'moonshotai/Kimi-K2.6'
  | 'deepseek-ai/DeepSeek-V3.1'
  | 'deepseek-ai/DeepSeek-V4-Pro-0813'
  | 'deepseek-ai/DeepSeek-V4-Flash-0731'
  | 'deepseek-ai/DeepSeek-V4.1-Flash'
  | 'Qwen/Qwen3.6-35B-A3B'
  | 'Qwen/Qwen3.8-27B'
  | 'nvidia/NVIDIA-Nemotron-3-Ultra-550B-A55B'
  | 'nvidia/NVIDIA-Nemotron-3.5-Lightning-30B-A3B'
  | 'openai/gpt-oss-120b'
  | 'openai/gpt-oss-20b'
  | 'google/gemma-4-31B-it'
  | 'google/gemma-4-26B-A4B-it'
  | 'meta-llama/Llama-3.3-70B-Instruct'
  | 'meta-llama/Llama-3.1-8B-Instruct'
  | 'ibm-granite/granite-4.2-8b'
  | 'MiniMaxAI/MiniMax-M3'
  | 'zai-org/GLM-5.3-Flash'
  | 'zai-org/GLM-5.2'
  | (string & {});

/** Per-call options under `providerOptions.wandb` (or the key of the provider's `name` setting). */
export type WandbChatOptions = {
  /** Turn a toggleable reasoning model's thinking on or off (`chat_template_kwargs.enable_thinking`). */
  enableThinking?: boolean;
  /**
   * How hard a reasoning model thinks (`reasoning_effort`), e.g. `'low'`, `'medium'`, `'high'`.
   * Accepted values depend on the model. Takes precedence over the AI SDK `reasoning` call option.
   */
  reasoningEffort?:
    | 'none'
    | 'minimal'
    | 'low'
    | 'medium'
    | 'high'
    | 'xhigh'
    | 'max'
    | (string & {});
  /** Isolates prefix-cache reuse to requests that share this salt (`cache_salt`). */
  cacheSalt?: string;
  /** Whether the model may call several tools in one turn (`parallel_tool_calls`). */
  parallelToolCalls?: boolean;
  /** Token id → bias from -100 to 100 (`logit_bias`). */
  logitBias?: Record<string, number>;
  /** An id for your end user (`user`). */
  user?: string;
  /**
   * Send JSON schemas as `response_format: json_schema` (default `true`). With `false`, JSON output
   * uses `json_object` and the schema is written into the prompt instead.
   */
  structuredOutputs?: boolean;
  /** The `strict` flag of `json_schema` response formats (default `true`). */
  strictJsonSchema?: boolean;
  /**
   * Fields merged into the request body last, for W&B parameters without a typed option
   * (e.g. `{ top_k: 40, repetition_penalty: 1.1 }`). They override anything the provider set.
   */
  extraBody?: { [field: string]: WandbJsonValue };
};

/**
 * A JSON value without `undefined`. Narrower than each interface version's own `JSONValue`, so a
 * variable declared as `WandbChatOptions` fits `providerOptions` in ai@4, 5, 6 and 7 alike.
 */
export type WandbJsonValue =
  | null
  | string
  | number
  | boolean
  | WandbJsonValue[]
  | { [key: string]: WandbJsonValue };

/**
 * Built on first use, not at import: building a zod schema is a large part of what importing this
 * package would cost, and many apps never pass provider options.
 */
let wandbChatOptionsSchema: ReturnType<typeof createWandbChatOptionsSchema> | undefined;

function createWandbChatOptionsSchema() {
  return z.strictObject({
    enableThinking: z.boolean().optional(),
    reasoningEffort: z.string().min(1).optional(),
    cacheSalt: z.string().min(1).optional(),
    parallelToolCalls: z.boolean().optional(),
    logitBias: z.record(z.string(), z.number().min(-100).max(100)).optional(),
    user: z.string().optional(),
    structuredOutputs: z.boolean().optional(),
    strictJsonSchema: z.boolean().optional(),
    // Values are checked by validateExtraBodyIsJson below, which names the field JSON cannot carry.
    extraBody: z.record(z.string(), z.custom<WandbJsonValue>()).optional(),
  }) satisfies z.ZodType<WandbChatOptions>;
}

/**
 * Validates and merges the call's W&B options: `providerOptions.wandb`, then the provider's
 * `name` setting's key (as `@ai-sdk/openai-compatible` reads `providerOptions[name]` and its
 * camelCase form), later keys winning option by option. Programs such as opencode create the
 * provider with `name: <their provider id>` and key per-model options by that id.
 *
 * Unlike `parseProviderOptions`, an error names the offending key in its message (not only in a
 * nested cause), because that message is what users see.
 */
export function parseWandbChatOptions(
  providerOptions: SharedV4ProviderOptions | undefined,
  name = 'wandb',
): WandbChatOptions {
  if (providerOptions == null) return {};
  let merged: WandbChatOptions = {};
  for (const key of optionKeys(name)) {
    const options = providerOptions[key];
    if (options == null) continue;
    const parsed = parseOptionsAt(options, key);
    merged = {
      ...merged,
      ...parsed,
      extraBody:
        merged.extraBody == null && parsed.extraBody == null
          ? undefined
          : { ...merged.extraBody, ...parsed.extraBody },
    };
  }
  if (merged.extraBody === undefined) delete merged.extraBody;
  return merged;
}

/** `wandb`, the `name` setting, and its camelCase form (`my-wandb` → `myWandb`), each once. */
function optionKeys(name: string): string[] {
  return [
    ...new Set(['wandb', name, name.replace(/[_-]([a-z])/g, (_, letter) => letter.toUpperCase())]),
  ];
}

function parseOptionsAt(options: unknown, key: string): WandbChatOptions {
  const prefix = `providerOptions.${key}`;
  wandbChatOptionsSchema ??= createWandbChatOptionsSchema();
  const result = wandbChatOptionsSchema.safeParse(options);
  if (result.success) {
    validateExtraBodyIsJson(result.data.extraBody, prefix);
    return result.data;
  }

  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const unknownKey = issue.keys[0];
    throw new InvalidArgumentError({
      argument: `${prefix}.${unknownKey}`,
      message:
        `Unknown option ${prefix}.${unknownKey}. Known options: ${Object.keys(wandbChatOptionsSchema.shape).join(', ')}. ` +
        `To send another W&B request field, put it in ${prefix}.extraBody.`,
    });
  }
  const path = [prefix, ...issue.path.map(String)].join('.');
  throw new InvalidArgumentError({
    argument: path,
    message: `Invalid ${path}: ${issue.message}.`,
  });
}

/** `extraBody` is free-form, so it may hold what JSON cannot write. */
function validateExtraBodyIsJson(
  extraBody: Record<string, unknown> | undefined,
  prefix: string,
): void {
  for (const [key, value] of Object.entries(extraBody ?? {})) {
    const argument = `${prefix}.extraBody.${key}`;
    assertSendableAsJson(value, argument, argument);
  }
}
