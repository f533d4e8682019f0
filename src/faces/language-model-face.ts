import type {
  LanguageModelV4,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import { mapStreamParts } from './map-stream-parts';

/** What a face's model shares whatever its interface version: it fronts one V4 model. */
export abstract class LanguageModelFace {
  constructor(protected readonly model: LanguageModelV4) {}

  get provider(): string {
    return this.model.provider;
  }

  get modelId(): string {
    return this.model.modelId;
  }

  /** URLs the core sends as they are (ai@5 and later read this; ai@4 asks `supportsUrl`). */
  get supportedUrls() {
    return this.model.supportedUrls;
  }
}

/** A V4 stream result with its parts mapped to an older version (`undefined` drops a part). */
export function mapStreamResult<Part>(
  { stream, request, response }: LanguageModelV4StreamResult,
  mapPart: (part: LanguageModelV4StreamPart) => Part | undefined,
) {
  // Versions before V4 have no `request.url`.
  return {
    stream: mapStreamParts(stream, mapPart),
    request: request && { body: request.body },
    response,
  };
}

/** What a model's `doGenerate` / `doStream` resolve to (V1 and V2 name no type for these). */
export type GenerateResultOf<Model extends { doGenerate(options: never): PromiseLike<unknown> }> =
  Awaited<ReturnType<Model['doGenerate']>>;
export type StreamResultOf<Model extends { doStream(options: never): PromiseLike<unknown> }> =
  Awaited<ReturnType<Model['doStream']>>;
