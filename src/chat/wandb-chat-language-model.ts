import {
  InvalidResponseDataError,
  type LanguageModelV4,
  type LanguageModelV4CallOptions,
  type LanguageModelV4Content,
  type LanguageModelV4GenerateResult,
  type LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import {
  createLanguageModelResponseMetadata,
  extractResponseHeaders,
  postJsonToApi,
  type ResponseHandler,
} from '@ai-sdk/provider-utils';
import { excerpt } from '../error-message-parts';
import { readWandbJsonBody, textBodyHandler } from '../read-wandb-json-body';
import { unencryptedBaseURLWarnings } from '../wandb-base-url';
import type { WandbConfig } from '../wandb-config';
import { createKeyRedactor } from '../redact-api-key';
import { addConnectionHint, createWandbFailedResponseHandler } from '../wandb-error';
import { buildWandbChatRequest } from './build-wandb-chat-request';
import { convertWandbUsage } from './convert-wandb-usage';
import { mapWandbFinishReason } from './map-wandb-finish-reason';
import { readChatResponse, type WandbChatResponse } from './wandb-chat-api';
import type { WandbChatModelId } from './wandb-chat-options';
import { createWandbPartStream } from './wandb-chat-stream';
import { WandbToolCallIdAllocator } from './wandb-tool-call-id-allocator';

/** A W&B Inference chat model, speaking the AI SDK's LanguageModelV4 interface. */
export class WandbChatLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4';
  readonly modelId: WandbChatModelId;
  /** Image URLs are passed to W&B as they are, not downloaded by the AI SDK. */
  readonly supportedUrls = { 'image/*': [/^https?:\/\/.*$/] };

  constructor(
    modelId: WandbChatModelId,
    private readonly config: WandbConfig,
  ) {
    this.modelId = modelId;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const {
      url,
      body,
      warnings,
      redact,
      value: responseText,
      responseHeaders,
    } = await this.post(options, false, textBodyHandler);
    const { rawValue, value: response } = readWandbJsonBody(responseText, redact, readChatResponse);

    return {
      content: convertResponseContent(response, WandbToolCallIdAllocator.forPrompt(options.prompt)),
      finishReason: mapWandbFinishReason(response.finishReason, response.toolCalls.length > 0),
      usage: convertWandbUsage(response.usage),
      request: { url, body },
      response: {
        ...createLanguageModelResponseMetadata(response),
        headers: responseHeaders,
        body: rawValue,
      },
      warnings,
    };
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const {
      url,
      body,
      warnings,
      redact,
      value: responseBody,
      responseHeaders,
    } = await this.post(options, true, eventStreamBodyHandler);
    if (responseBody == null) {
      throw new InvalidResponseDataError({
        data: undefined,
        message: 'Invalid W&B response: the stream response has no body.',
      });
    }
    // A proxy that does not pass streaming through answers with the whole completion; reading it
    // as events would find none and report a stream that "ended early".
    if (responseHeaders?.['content-type']?.startsWith('application/json')) {
      const text = redact(await new Response(responseBody).text());
      throw new InvalidResponseDataError({
        data: text,
        message: `Invalid W&B response: the streaming request was answered with application/json, not an event stream (does a proxy on the way buffer responses?): ${excerpt(text)}`,
      });
    }

    return {
      stream: createWandbPartStream(responseBody, {
        warnings,
        includeRawChunks: options.includeRawChunks === true,
        redact,
        toolCallIds: WandbToolCallIdAllocator.forPrompt(options.prompt),
      }),
      request: { url, body },
      response: { headers: responseHeaders },
    };
  }

  /** Builds the request, sends it, and turns a non-2xx answer into an APICallError. */
  private async post<T>(
    options: LanguageModelV4CallOptions,
    stream: boolean,
    successfulResponseHandler: ResponseHandler<T>,
  ) {
    const { body, warnings } = buildWandbChatRequest({
      modelId: this.modelId,
      options,
      stream,
      includeUsage: this.config.includeUsage,
      providerOptionsName: this.config.providerOptionsName,
    });
    const baseURL = this.config.baseURL();
    const url = `${baseURL}/chat/completions`;
    warnings.unshift(...unencryptedBaseURLWarnings(baseURL));
    const headers = this.config.headers(options.headers);
    const redact = createKeyRedactor(headers);
    const { value, responseHeaders } = await postJsonToApi({
      url,
      headers,
      body,
      failedResponseHandler: createWandbFailedResponseHandler(redact),
      successfulResponseHandler,
      abortSignal: options.abortSignal,
      fetch: this.config.fetch,
    }).catch(error => {
      throw addConnectionHint(error, redact);
    });
    return { url, body, warnings, redact, value, responseHeaders };
  }
}

/** Reasoning first, then text, then tool calls: the order in which the model produced them. */
function convertResponseContent(
  response: WandbChatResponse,
  toolCallIds: WandbToolCallIdAllocator,
): LanguageModelV4Content[] {
  const content: LanguageModelV4Content[] = [];
  if (response.reasoning) content.push({ type: 'reasoning', text: response.reasoning });
  if (response.content) content.push({ type: 'text', text: response.content });

  for (const call of response.toolCalls) {
    content.push({
      type: 'tool-call',
      toolCallId: toolCallIds.allocate(call.id),
      toolName: call.name,
      input: call.arguments,
    });
  }
  return content;
}

const eventStreamBodyHandler: ResponseHandler<ReadableStream<Uint8Array> | null> = async ({
  response,
}) => ({ value: response.body, responseHeaders: extractResponseHeaders(response) });
