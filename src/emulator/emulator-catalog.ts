import { wandbModelFacts } from '../catalog/wandb-model-catalog.generated.ts';
import type { WandbReasoningMode } from '../catalog/wandb-model-facts.ts';

/**
 * The models the emulator lists on `GET /v1/models` are the package's catalog; each reasons the
 * way the catalog says. The emulator serves any other model id too, as a model without reasoning.
 */
export type ReasoningStyle =
  /** Always reasons; cannot be turned off. */
  | 'always'
  /** Reasons unless `chat_template_kwargs.enable_thinking` is `false`. */
  | 'on-by-default'
  /** Reasons only when `chat_template_kwargs.enable_thinking` is `true`. */
  | 'off-by-default'
  | 'none';

/**
 * A switchable model whose default is not published, one that decides per request, and one whose
 * mode the catalog does not know all answer as the commonest style on W&B: on unless switched off.
 */
function styleOf(mode: WandbReasoningMode | undefined): ReasoningStyle {
  switch (mode) {
    case 'always-on':
      return 'always';
    case 'off-by-default':
      return 'off-by-default';
    case 'none':
      return 'none';
    case 'on-by-default':
    case 'toggle':
    case 'adaptive':
    case undefined:
      return 'on-by-default';
    default: {
      const exhaustive: never = mode;
      throw new Error(`unknown reasoning mode ${String(exhaustive)}`);
    }
  }
}

export const EMULATOR_CATALOG: Readonly<Record<string, ReasoningStyle>> = Object.fromEntries(
  wandbModelFacts.map(facts => [facts.id, styleOf(facts.reasoning)]),
);

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
