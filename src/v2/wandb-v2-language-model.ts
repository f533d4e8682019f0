import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type {
  LanguageModelV2,
  LanguageModelV2CallOptions,
  LanguageModelV2StreamPart,
} from '@ai-sdk/provider-v2';
import {
  LanguageModelFace,
  mapStreamResult,
  type GenerateResultOf,
  type StreamResultOf,
} from '../faces/language-model-face';
import {
  convertV4ToV3GenerateResult,
  convertV4ToV3StreamPart,
} from '../v3/convert-v4-to-v3-results';
import { convertV3ToV4CallOptions } from '../v3/convert-v3-to-v4-call-options';
import { convertV3ToV2GenerateResult, convertV3ToV2StreamPart } from './convert-v3-to-v2-results';
import { convertV2ToV3CallOptions } from './convert-v2-to-v3-call-options';

/**
 * A W&B chat model for ai@5: the LanguageModelV4 core seen through the V2 interface. The
 * translation climbs one version at a time (V2 → V3 → V4 for the call, V4 → V3 → V2 for the
 * results), so each step is written once; stream parts take both steps in one stream stage.
 */
export class WandbV2LanguageModel extends LanguageModelFace implements LanguageModelV2 {
  readonly specificationVersion = 'v2';

  async doGenerate(
    options: LanguageModelV2CallOptions,
  ): Promise<GenerateResultOf<LanguageModelV2>> {
    const result = await this.model.doGenerate(convertV2CallOptionsToV4(options));
    return convertV3ToV2GenerateResult(convertV4ToV3GenerateResult(result));
  }

  async doStream(options: LanguageModelV2CallOptions): Promise<StreamResultOf<LanguageModelV2>> {
    return mapStreamResult(
      await this.model.doStream(convertV2CallOptionsToV4(options)),
      convertV4StreamPartToV2,
    );
  }
}

export function convertV2CallOptionsToV4(
  options: LanguageModelV2CallOptions,
): LanguageModelV4CallOptions {
  return convertV3ToV4CallOptions(convertV2ToV3CallOptions(options));
}

/** V4 → V3 → V2 for one part; `undefined` when a step drops it. */
export function convertV4StreamPartToV2(
  part: LanguageModelV4StreamPart,
): LanguageModelV2StreamPart | undefined {
  const v3Part = convertV4ToV3StreamPart(part);
  const v2Part = v3Part && convertV3ToV2StreamPart(v3Part);
  // V3 has no nearer value for `interrupted` than `other`; V2 (and V1) have `unknown`, "the
  // model has not transmitted a finish reason", which is exactly what happened.
  if (
    v2Part?.type === 'finish' &&
    part.type === 'finish' &&
    part.finishReason.unified === 'interrupted'
  ) {
    return { ...v2Part, finishReason: 'unknown' };
  }
  return v2Part;
}
