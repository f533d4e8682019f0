import type { LanguageModelV4, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { LanguageModelV1, LanguageModelV1CallOptions } from '@ai-sdk/provider-v1';
import { LanguageModelFace, type StreamResultOf } from '../faces/language-model-face';
import { mapStreamParts } from '../faces/map-stream-parts';
import { convertV3ToV2GenerateResult } from '../v2/convert-v3-to-v2-results';
import { convertV2CallOptionsToV4, convertV4StreamPartToV2 } from '../v2/wandb-v2-language-model';
import { convertV4ToV3GenerateResult } from '../v3/convert-v4-to-v3-results';
import {
  convertV2ToV1GenerateResult,
  convertV2ToV1Warning,
  createV2ToV1StreamPartConverter,
  rawCallOf,
  requestOf,
  type LanguageModelV1GenerateResult,
} from './convert-v2-to-v1-results';
import { convertV1ToV2CallOptions } from './convert-v1-to-v2-call-options';

/**
 * A W&B chat model for ai@4: the LanguageModelV4 core seen through the V1 interface, one version
 * step at a time (V1 → V2 → V3 → V4 for the call, back down for the results).
 */
export class WandbV1LanguageModel extends LanguageModelFace implements LanguageModelV1 {
  readonly specificationVersion = 'v1';
  /** `auto` object generation uses JSON mode, which W&B enforces with a JSON schema. */
  readonly defaultObjectGenerationMode = 'json';
  /** The schema goes to W&B as `response_format: json_schema`; ai@4 need not write it into the prompt. */
  readonly supportsStructuredOutputs = true;
  readonly supportsImageUrls: boolean;

  constructor(model: LanguageModelV4) {
    super(model);
    this.supportsImageUrls = Object.entries(this.urlPatterns()).some(
      ([mediaType, patterns]) =>
        (mediaType.startsWith('image/') || mediaType.startsWith('*')) && patterns.length > 0,
    );
  }

  /** Whether a file URL is sent as is (true) or downloaded by ai@4 first (false). Synchronous in V1. */
  supportsUrl(url: URL): boolean {
    const href = url.toString();
    return Object.values(this.urlPatterns()).some(patterns =>
      patterns.some(pattern => pattern.test(href)),
    );
  }

  async doGenerate(options: LanguageModelV1CallOptions): Promise<LanguageModelV1GenerateResult> {
    const { v4Options, promptWarnings } = convertV1CallOptionsToV4(options);
    const result = convertV2ToV1GenerateResult(
      convertV3ToV2GenerateResult(
        convertV4ToV3GenerateResult(await this.model.doGenerate(v4Options)),
      ),
    );
    return { ...result, warnings: [...promptWarnings, ...(result.warnings ?? [])] };
  }

  async doStream(options: LanguageModelV1CallOptions): Promise<StreamResultOf<LanguageModelV1>> {
    const { v4Options, promptWarnings } = convertV1CallOptionsToV4(options);
    const { stream, request, response } = await this.model.doStream(v4Options);

    // V1 reports warnings on the result, V4 in the stream's first part: read that part now.
    const reader = stream.getReader();
    const first = await reader.read();
    reader.releaseLock();
    const leading: LanguageModelV4StreamPart[] = [];
    const warnings = [...promptWarnings];
    if (!first.done) {
      const v2Part = convertV4StreamPartToV2(first.value);
      if (v2Part?.type === 'stream-start')
        warnings.push(...v2Part.warnings.map(convertV2ToV1Warning));
      else leading.push(first.value);
    }

    const toV1Part = createV2ToV1StreamPartConverter();
    return {
      stream: mapStreamParts(
        stream,
        part => {
          const v2Part = convertV4StreamPartToV2(part);
          return v2Part && toV1Part(v2Part);
        },
        leading,
      ),
      rawCall: rawCallOf(request?.body),
      rawResponse: { headers: response?.headers },
      request: requestOf(request?.body),
      warnings,
    };
  }

  /** V1 asks synchronously; a core whose URL patterns are still pending supports none yet. */
  private urlPatterns(): Record<string, RegExp[]> {
    const supported = this.model.supportedUrls;
    return 'then' in supported && typeof supported.then === 'function'
      ? {}
      : (supported as Record<string, RegExp[]>);
  }
}

function convertV1CallOptionsToV4(options: LanguageModelV1CallOptions) {
  const { options: v2Options, warnings } = convertV1ToV2CallOptions(options);
  return { v4Options: convertV2CallOptionsToV4(v2Options), promptWarnings: warnings };
}
