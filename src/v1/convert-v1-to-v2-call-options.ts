import type {
  LanguageModelV1CallOptions,
  LanguageModelV1CallWarning,
  LanguageModelV1FunctionTool,
  LanguageModelV1Message,
  LanguageModelV1ProviderDefinedTool,
  LanguageModelV1ToolResultPart,
} from '@ai-sdk/provider-v1';
import type {
  JSONValue,
  LanguageModelV2CallOptions,
  LanguageModelV2FunctionTool,
  LanguageModelV2Message,
  LanguageModelV2ProviderDefinedTool,
  LanguageModelV2ToolResultOutput,
} from '@ai-sdk/provider-v2';
import { unknownValueError } from '../error-message-parts';

/*
 * LanguageModelV1 call options (ai@4) → LanguageModelV2, the next step up. V1 puts tools and
 * object generation in `mode`, calls provider options `providerMetadata`, has `image` parts and
 * free-form tool results; V2 has top-level tools, `responseFormat`, `file` parts and typed outputs.
 */
export function convertV1ToV2CallOptions(options: LanguageModelV1CallOptions): {
  options: LanguageModelV2CallOptions;
  /** What the V1 prompt held that V2 cannot carry. */
  warnings: LanguageModelV1CallWarning[];
} {
  const warnings: LanguageModelV1CallWarning[] = [];
  const {
    mode,
    inputFormat: _inputFormat,
    prompt,
    providerMetadata,
    maxTokens,
    responseFormat,
    ...settings
  } = options;

  return {
    options: {
      ...settings,
      ...convertMode(mode, responseFormat),
      maxOutputTokens: maxTokens,
      prompt: prompt.flatMap(message => convertMessage(message, warnings)),
      providerOptions: providerMetadata,
    },
    warnings,
  };
}

function convertMode(
  mode: LanguageModelV1CallOptions['mode'],
  responseFormat: LanguageModelV1CallOptions['responseFormat'],
): Pick<LanguageModelV2CallOptions, 'tools' | 'toolChoice' | 'responseFormat'> {
  switch (mode.type) {
    case 'regular':
      // `responseFormat` is how ai@4's `experimental_output` asks for JSON in a regular call.
      return { tools: mode.tools?.map(convertTool), toolChoice: mode.toolChoice, responseFormat };
    case 'object-json':
      return {
        responseFormat: {
          type: 'json',
          schema: mode.schema,
          name: mode.name,
          description: mode.description,
        },
      };
    case 'object-tool':
      // The object arrives as the arguments of a call the model is forced to make.
      return {
        tools: [convertTool(mode.tool)],
        toolChoice: { type: 'tool', toolName: mode.tool.name },
      };
    default: {
      const exhaustive: never = mode;
      throw unknownValueError('mode', exhaustive);
    }
  }
}

function convertTool(
  tool: LanguageModelV1FunctionTool | LanguageModelV1ProviderDefinedTool,
): LanguageModelV2FunctionTool | LanguageModelV2ProviderDefinedTool {
  switch (tool.type) {
    case 'function':
      return {
        type: 'function',
        name: tool.name,
        description: tool.description,
        inputSchema: tool.parameters,
      };
    case 'provider-defined':
      return tool;
    default: {
      const exhaustive: never = tool;
      throw unknownValueError('tool', exhaustive);
    }
  }
}

type V2AssistantPart = Extract<LanguageModelV2Message, { role: 'assistant' }>['content'][number];

// On messages and parts too, V1's `providerMetadata` is V2's `providerOptions`.
function convertMessage(
  message: LanguageModelV1Message,
  warnings: LanguageModelV1CallWarning[],
): LanguageModelV2Message[] {
  switch (message.role) {
    case 'system':
      return [
        { role: 'system', content: message.content, providerOptions: message.providerMetadata },
      ];
    case 'user':
      return [
        {
          role: 'user',
          providerOptions: message.providerMetadata,
          content: message.content.map(part => {
            switch (part.type) {
              case 'text':
                return { type: 'text', text: part.text, providerOptions: part.providerMetadata };
              case 'image':
                return {
                  type: 'file',
                  data: part.image,
                  mediaType: part.mimeType ?? 'image/*',
                  providerOptions: part.providerMetadata,
                };
              case 'file':
                return {
                  type: 'file',
                  data: part.data,
                  mediaType: part.mimeType,
                  filename: part.filename,
                  providerOptions: part.providerMetadata,
                };
              default: {
                const exhaustive: never = part;
                throw unknownValueError('user content part', exhaustive);
              }
            }
          }),
        },
      ];
    case 'assistant':
      return [
        {
          role: 'assistant',
          providerOptions: message.providerMetadata,
          content: message.content.flatMap((part): V2AssistantPart[] => {
            switch (part.type) {
              case 'text':
                return [{ type: 'text', text: part.text, providerOptions: part.providerMetadata }];
              case 'file':
                return [
                  {
                    type: 'file',
                    data: part.data,
                    mediaType: part.mimeType,
                    filename: part.filename,
                    providerOptions: part.providerMetadata,
                  },
                ];
              case 'reasoning':
                return [
                  { type: 'reasoning', text: part.text, providerOptions: part.providerMetadata },
                ];
              case 'redacted-reasoning':
                warnings.push({
                  type: 'other',
                  message:
                    'An earlier assistant message holds redacted (encrypted) reasoning, which this model cannot read; it was left out.',
                });
                return [];
              case 'tool-call':
                return [
                  {
                    type: 'tool-call',
                    toolCallId: part.toolCallId,
                    toolName: part.toolName,
                    input: part.args,
                    providerOptions: part.providerMetadata,
                  },
                ];
              default: {
                const exhaustive: never = part;
                throw unknownValueError('assistant content part', exhaustive);
              }
            }
          }),
        },
      ];
    case 'tool':
      return [
        {
          role: 'tool',
          providerOptions: message.providerMetadata,
          content: message.content.map(part => ({
            type: 'tool-result',
            toolCallId: part.toolCallId,
            toolName: part.toolName,
            output: convertToolResult(part),
            providerOptions: part.providerMetadata,
          })),
        },
      ];
    default: {
      const exhaustive: never = message;
      throw unknownValueError('message role', exhaustive, 'role');
    }
  }
}

/**
 * V1 tool results are any value plus an error flag (or multi-part content); V2 types them. A
 * string stays text and anything else JSON, as ai@5 itself does with a tool's return value.
 */
function convertToolResult(part: LanguageModelV1ToolResultPart): LanguageModelV2ToolResultOutput {
  if (part.content != null) {
    return {
      type: 'content',
      value: part.content.map(item =>
        item.type === 'text'
          ? { type: 'text', text: item.text }
          : { type: 'media', data: item.data, mediaType: item.mimeType ?? 'image/*' },
      ),
    };
  }
  const result = part.result === undefined ? null : part.result;
  if (typeof result === 'string')
    return { type: part.isError ? 'error-text' : 'text', value: result };
  return { type: part.isError ? 'error-json' : 'json', value: result as JSONValue };
}
