import type { LanguageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import { injectJsonInstructionIntoMessages } from '@ai-sdk/provider-utils';
import { convertToWandbMessages } from './convert-to-wandb-messages';
import { parseWandbChatOptions, type WandbChatOptions } from './wandb-chat-options';
import { prepareWandbTools } from './prepare-wandb-tools';

/**
 * AI SDK call options → the W&B chat request body, plus warnings for whatever W&B cannot take.
 * Pure: no I/O, so every mapping is unit-testable.
 */
export function buildWandbChatRequest({
  modelId,
  options,
  stream,
  includeUsage,
  providerOptionsName,
}: {
  modelId: string;
  options: LanguageModelV4CallOptions;
  stream: boolean;
  includeUsage: boolean;
  /** The provider's `name` setting: options are also read from `providerOptions[name]`. */
  providerOptionsName?: string;
}): { body: Record<string, unknown>; warnings: SharedV4Warning[] } {
  const wandbOptions = parseWandbChatOptions(options.providerOptions, providerOptionsName);
  const warnings: SharedV4Warning[] = [];

  if (options.topK != null) {
    warnings.push({
      type: 'unsupported',
      feature: 'topK',
      details:
        'W&B Inference does not document top_k; it was not sent. Use providerOptions.wandb.extraBody: { top_k } if your model accepts it.',
    });
  }

  const { responseFormat, prompt } = prepareResponseFormat(options, wandbOptions, warnings);
  const tools = prepareWandbTools(options);
  warnings.push(...tools.warnings);

  const body: Record<string, unknown> = {
    model: modelId,
    messages: convertToWandbMessages(prompt, warnings),
    max_tokens: options.maxOutputTokens,
    temperature: options.temperature,
    top_p: options.topP,
    stop: options.stopSequences?.length ? options.stopSequences : undefined,
    seed: options.seed,
    frequency_penalty: options.frequencyPenalty,
    presence_penalty: options.presencePenalty,
    response_format: responseFormat,
    tools: tools.tools,
    tool_choice: tools.toolChoice,
    parallel_tool_calls: wandbOptions.parallelToolCalls,
    logit_bias: wandbOptions.logitBias,
    user: wandbOptions.user,
    cache_salt: wandbOptions.cacheSalt,
    ...reasoningFields(options.reasoning, wandbOptions, warnings),
  };
  if (stream) {
    body.stream = true;
    if (includeUsage) body.stream_options = { include_usage: true };
  }

  // The escape hatch comes last, so it can set (or override) any field.
  Object.assign(body, wandbOptions.extraBody);

  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return { body, warnings };
}

function prepareResponseFormat(
  options: LanguageModelV4CallOptions,
  wandbOptions: WandbChatOptions,
  warnings: SharedV4Warning[],
): { responseFormat: unknown; prompt: LanguageModelV4CallOptions['prompt'] } {
  const format = options.responseFormat;
  if (format?.type !== 'json') return { responseFormat: undefined, prompt: options.prompt };

  if (format.schema != null && wandbOptions.structuredOutputs !== false) {
    return {
      responseFormat: {
        type: 'json_schema',
        json_schema: {
          name: format.name ?? 'response',
          description: format.description,
          schema: format.schema,
          strict: wandbOptions.strictJsonSchema ?? true,
        },
      },
      prompt: options.prompt,
    };
  }

  // JSON mode alone does not carry a schema, so the model learns it (or merely "answer with
  // JSON") from the prompt.
  if (format.schema != null) {
    warnings.push({
      type: 'compatibility',
      feature: 'responseFormat',
      details:
        'providerOptions.wandb.structuredOutputs is false: the JSON schema was written into the prompt and JSON mode (json_object) was requested, so W&B does not enforce the schema.',
    });
  }
  return {
    responseFormat: { type: 'json_object' },
    prompt: injectJsonInstructionIntoMessages({ messages: options.prompt, schema: format.schema }),
  };
}

/**
 * Thinking controls. The AI SDK `reasoning` call option maps to the same W&B fields as the typed
 * provider options; when both are given, the provider options win and a warning says so.
 */
function reasoningFields(
  reasoning: LanguageModelV4CallOptions['reasoning'],
  wandbOptions: WandbChatOptions,
  warnings: SharedV4Warning[],
): Record<string, unknown> {
  let { enableThinking, reasoningEffort } = wandbOptions;

  if (reasoning != null && reasoning !== 'provider-default') {
    const [optionName, explicit, wanted] =
      reasoning === 'none'
        ? (['enableThinking', enableThinking, false] as const)
        : (['reasoningEffort', reasoningEffort, reasoning] as const);
    if (explicit == null) {
      if (reasoning === 'none') enableThinking = false;
      else reasoningEffort = reasoning;
    } else if (explicit !== wanted) {
      warnings.push({
        type: 'compatibility',
        feature: 'reasoning',
        details: `The reasoning call option "${reasoning}" was overridden by providerOptions.wandb.${optionName}.`,
      });
    }
  }

  return {
    reasoning_effort: reasoningEffort,
    chat_template_kwargs: enableThinking != null ? { enable_thinking: enableThinking } : undefined,
  };
}
