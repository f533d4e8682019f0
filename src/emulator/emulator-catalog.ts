/**
 * The models the emulator lists on `GET /v1/models`, with how each one reasons on W&B Inference
 * (W&B's model list and reasoning docs). The emulator serves any other model id too, as a model
 * without reasoning.
 */
export type ReasoningStyle =
  /** Always reasons; cannot be turned off. */
  | 'always'
  /** Reasons unless `chat_template_kwargs.enable_thinking` is `false`. */
  | 'on-by-default'
  /** Reasons only when `chat_template_kwargs.enable_thinking` is `true`. */
  | 'off-by-default'
  | 'none';

export const EMULATOR_CATALOG: Readonly<Record<string, ReasoningStyle>> = {
  'moonshotai/Kimi-K2.7-Code': 'always',
  'moonshotai/Kimi-K2.6': 'always',
  'deepseek-ai/DeepSeek-V3.1': 'none',
  'deepseek-ai/DeepSeek-V4-Pro-0813': 'on-by-default',
  'deepseek-ai/DeepSeek-V4-Flash-0731': 'on-by-default',
  'deepseek-ai/DeepSeek-V4.1-Flash': 'on-by-default',
  'Qwen/Qwen3.6-35B-A3B': 'on-by-default',
  'Qwen/Qwen3.8-27B': 'on-by-default',
  'nvidia/NVIDIA-Nemotron-3-Ultra-550B-A55B': 'on-by-default',
  'nvidia/NVIDIA-Nemotron-3.5-Lightning-30B-A3B': 'on-by-default',
  'openai/gpt-oss-120b': 'always',
  'openai/gpt-oss-20b': 'always',
  'google/gemma-4-31B-it': 'off-by-default',
  'google/gemma-4-26B-A4B-it': 'off-by-default',
  'meta-llama/Llama-3.3-70B-Instruct': 'none',
  'meta-llama/Llama-3.1-8B-Instruct': 'none',
  'ibm-granite/granite-4.2-8b': 'on-by-default',
  'MiniMaxAI/MiniMax-M3': 'on-by-default',
  'zai-org/GLM-5.3-Flash': 'always',
  'zai-org/GLM-5.2': 'on-by-default',
};

/** Whether `model` shows reasoning for a request with this `enable_thinking` value. */
export function reasonsFor(model: string, enableThinking: boolean | undefined): boolean {
  const style = EMULATOR_CATALOG[model] ?? 'none';
  switch (style) {
    case 'always':
      return true;
    case 'on-by-default':
      return enableThinking !== false;
    case 'off-by-default':
      return enableThinking === true;
    case 'none':
      return false;
    default: {
      const exhaustive: never = style;
      throw new Error(`unknown reasoning style ${String(exhaustive)}`);
    }
  }
}

/** W&B's model list body. */
export function modelListBody() {
  return {
    object: 'list',
    data: Object.keys(EMULATOR_CATALOG).map(id => ({
      id,
      object: 'model',
      created: 0,
      owned_by: 'system',
      root: id,
    })),
  };
}
