import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamResult,
} from '@ai-sdk/provider-v3';
import { LanguageModelFace, mapStreamResult } from '../faces/language-model-face';
import { convertV4ToV3GenerateResult, convertV4ToV3StreamPart } from './convert-v4-to-v3-results';
import { convertV3ToV4CallOptions } from './convert-v3-to-v4-call-options';

/** A W&B chat model for ai@6: the LanguageModelV4 core seen through the V3 interface. */
export class WandbV3LanguageModel extends LanguageModelFace implements LanguageModelV3 {
  readonly specificationVersion = 'v3';

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    return convertV4ToV3GenerateResult(
      await this.model.doGenerate(convertV3ToV4CallOptions(options)),
    );
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    return mapStreamResult(
      await this.model.doStream(convertV3ToV4CallOptions(options)),
      convertV4ToV3StreamPart,
    );
  }
}
