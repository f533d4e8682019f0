import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { LanguageModelV2, LanguageModelV2CallOptions, LanguageModelV2StreamPart } from '@ai-sdk/provider-v2';
import { mapStreamParts } from '../faces/map-stream-parts';
import { convertToV3GenerateResult, convertToV3StreamPart } from '../v3/convert-to-v3-results';
import { convertV3CallOptions } from '../v3/convert-v3-call-options';
import {
  convertToV2GenerateResult,
  convertToV2StreamPart,
  type LanguageModelV2GenerateResult,
  type LanguageModelV2StreamResult,
} from './convert-to-v2-results';
import { convertV2CallOptions } from './convert-v2-call-options';

/**
 * A W&B chat model for ai@5: the LanguageModelV4 core seen through the V2 interface. The
 * translation climbs one version at a time (V2 → V3 → V4 for the call, V4 → V3 → V2 for the
 * results), so each step is written once; stream parts take both steps in one stream stage.
 */
export class WandbV2LanguageModel implements LanguageModelV2 {
  readonly specificationVersion = 'v2';

  constructor(private readonly model: LanguageModelV4) {}

  get provider(): string {
    return this.model.provider;
  }

  get modelId(): string {
    return this.model.modelId;
  }

  get supportedUrls() {
    return this.model.supportedUrls;
  }

  async doGenerate(options: LanguageModelV2CallOptions): Promise<LanguageModelV2GenerateResult> {
    const result = await this.model.doGenerate(toV4CallOptions(options));
    return convertToV2GenerateResult(convertToV3GenerateResult(result));
  }

  async doStream(options: LanguageModelV2CallOptions): Promise<LanguageModelV2StreamResult> {
    const { stream, request, response } = await this.model.doStream(toV4CallOptions(options));
    return {
      stream: mapStreamParts(stream, convertV4StreamPartToV2),
      request: request && { body: request.body },
      response,
    };
  }
}

function toV4CallOptions(options: LanguageModelV2CallOptions) {
  return convertV3CallOptions(convertV2CallOptions(options));
}

/** V4 → V3 → V2 for one part; `undefined` when a step drops it. */
export function convertV4StreamPartToV2(
  part: Parameters<typeof convertToV3StreamPart>[0],
): LanguageModelV2StreamPart | undefined {
  const v3Part = convertToV3StreamPart(part);
  return v3Part && convertToV2StreamPart(v3Part);
}
