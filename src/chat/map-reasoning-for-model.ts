import type {
  LanguageModelV4CallOptions,
  LanguageModelV4Prompt,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { mapReasoningToProviderEffort } from '@ai-sdk/provider-utils';
import type { WandbModelInfo } from '../catalog/wandb-model-catalog';

type CustomReasoning = Exclude<
  LanguageModelV4CallOptions['reasoning'],
  'provider-default' | undefined
>;

/** The AI SDK's levels; a model effort with one of these names is what that level asks for. */
const SDK_LEVELS = new Set<string>(['minimal', 'low', 'medium', 'high', 'xhigh', 'max']);

/**
 * The `reasoning` call option for one model. Models the catalog does not know, or whose levels
 * it does not list, get the value as it is (`'none'` → `enable_thinking: false`, a level →
 * `reasoning_effort`). Where it lists levels, a level it lacks becomes the nearest one, with a
 * compatibility warning. Nothing is refused: the catalog may be older than W&B's models.
 */
export function mapReasoningForModel(
  reasoning: CustomReasoning,
  modelInfo: WandbModelInfo | undefined,
  warnings: SharedV4Warning[],
): { enableThinking?: boolean; reasoningEffort?: string } {
  const efforts = modelInfo?.reasoningEfforts;
  if (modelInfo == null) {
    return reasoning === 'none' ? { enableThinking: false } : { reasoningEffort: reasoning };
  }

  if (reasoning === 'none') {
    if (modelInfo.reasoning !== 'always-on') return { enableThinking: false };
    if (efforts?.length) {
      // Thinking cannot be turned off, so the least of it is the closest to "none".
      return { reasoningEffort: mapEffort(reasoning, efforts, warnings) };
    }
    warnings.push({
      type: 'compatibility',
      feature: 'reasoning',
      details: `W&B's catalog lists ${modelInfo.id} as always reasoning: reasoning "none" cannot turn its thinking off. chat_template_kwargs.enable_thinking: false was sent anyway.`,
    });
    return { enableThinking: false };
  }

  if (modelInfo.reasoning === 'none') {
    warnings.push({
      type: 'compatibility',
      feature: 'reasoning',
      details: `W&B's catalog lists ${modelInfo.id} as a model that does not reason; reasoning_effort "${reasoning}" was sent anyway and may be refused or ignored.`,
    });
    return { reasoningEffort: reasoning };
  }
  if (efforts?.length) return { reasoningEffort: mapEffort(reasoning, efforts, warnings) };
  return { reasoningEffort: reasoning };
}

function mapEffort(
  reasoning: CustomReasoning,
  efforts: readonly string[],
  warnings: SharedV4Warning[],
): string | undefined {
  const effortMap = Object.fromEntries(
    efforts.filter(effort => SDK_LEVELS.has(effort)).map(effort => [effort, effort]),
  );
  return mapReasoningToProviderEffort({ reasoning, effortMap, warnings });
}

/**
 * Warnings for what the catalog says this model does not take. The parts are still sent: W&B
 * decides, and an outdated catalog must not stand in the way.
 */
export function catalogWarnings(
  modelInfo: WandbModelInfo,
  prompt: LanguageModelV4Prompt,
): SharedV4Warning[] {
  if (modelInfo.imageInput !== false || !hasImage(prompt)) return [];
  return [
    {
      type: 'unsupported',
      feature: 'image input',
      details: `W&B's catalog (${modelInfo.catalogDate}) lists ${modelInfo.id} as text-only, so W&B will probably refuse the image. It was sent anyway; pick a model that takes images (wandb.models lists them).`,
    },
  ];
}

function hasImage(prompt: LanguageModelV4Prompt): boolean {
  for (const message of prompt) {
    if (message.role !== 'user') continue;
    for (const part of message.content) {
      if (part.type === 'file' && part.mediaType.startsWith('image/')) return true;
    }
  }
  return false;
}
