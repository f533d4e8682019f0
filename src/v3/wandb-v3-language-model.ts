import type { LanguageModelV4 } from '@ai-sdk/provider';
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamResult,
} from '@ai-sdk/provider-v3';
import { mapStreamParts } from '../faces/map-stream-parts';
import { convertToV3GenerateResult, convertToV3StreamPart } from './convert-to-v3-results';
import { convertV3CallOptions } from './convert-v3-call-options';

/** A W&B chat model for ai@6: the LanguageModelV4 core seen through the V3 interface. */
export class WandbV3LanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';

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

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    return convertToV3GenerateResult(await this.model.doGenerate(convertV3CallOptions(options)));
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const { stream, request, response } = await this.model.doStream(convertV3CallOptions(options));
    return {
      stream: mapStreamParts(stream, convertToV3StreamPart),
      request: request && { body: request.body },
      response,
    };
  }
}
