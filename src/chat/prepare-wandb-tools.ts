import {
  InvalidArgumentError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4FunctionTool,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { assertSendableAsJson } from './assert-sendable-as-json';
import type { WandbFunctionTool, WandbToolChoice } from './wandb-chat-api';
import { isObject } from '../json-object';
import { unknownValueError } from '../error-message-parts';

/** AI SDK tools and tool choice → W&B `tools` / `tool_choice`, with warnings for what W&B lacks. */
export function prepareWandbTools({
  tools,
  toolChoice,
}: Pick<LanguageModelV4CallOptions, 'tools' | 'toolChoice'>): {
  tools: WandbFunctionTool[] | undefined;
  toolChoice: WandbToolChoice | undefined;
  warnings: SharedV4Warning[];
} {
  const warnings: SharedV4Warning[] = [];
  const wandbTools: WandbFunctionTool[] = [];
  const names = new Set<string>();

  for (const tool of tools ?? []) {
    switch (tool.type) {
      case 'function':
        validateFunctionTool(tool, names);
        if (tool.inputExamples != null && tool.inputExamples.length > 0) {
          warnings.push({
            type: 'unsupported',
            feature: 'tool input examples',
            details: `W&B Inference has no field for the input examples of tool "${tool.name}"; they were not sent. Mention them in the tool description instead.`,
          });
        }
        wandbTools.push({
          type: 'function',
          function: {
            name: tool.name,
            description: tool.description,
            parameters: tool.inputSchema,
            ...(tool.strict != null ? { strict: tool.strict } : {}),
          },
        });
        break;
      case 'provider':
        warnings.push({
          type: 'unsupported',
          feature: `provider tool ${tool.id}`,
          details: `W&B Inference runs function tools only; the provider tool "${tool.name}" was not sent.`,
        });
        break;
      default: {
        const exhaustive: never = tool;
        throw unknownValueError('tool type', exhaustive);
      }
    }
  }

  // ai@7 always sends a tool choice; without tools it would only make W&B reject the request.
  if (wandbTools.length === 0) return { tools: undefined, toolChoice: undefined, warnings };
  return { tools: wandbTools, toolChoice: convertToolChoice(toolChoice), warnings };
}

/**
 * What would otherwise fail late: a schema `JSON.stringify` cannot write (a TypeError from deep
 * inside the request), a schema that is not an object (W&B's `parameters` is one), or a name the
 * model could not call unambiguously.
 */
function validateFunctionTool(tool: LanguageModelV4FunctionTool, names: Set<string>): void {
  if (typeof tool.name !== 'string' || tool.name.trim() === '') {
    throw new InvalidArgumentError({
      argument: 'tools',
      message: `Every function tool needs a non-empty tool name (got ${JSON.stringify(tool.name)}).`,
    });
  }
  if (names.has(tool.name)) {
    throw new InvalidArgumentError({
      argument: `tools.${tool.name}`,
      message: `The tool "${tool.name}" is defined more than once; the model could not tell the definitions apart. Give each tool its own name.`,
    });
  }
  names.add(tool.name);

  const schema: unknown = tool.inputSchema;
  if (!isObject(schema)) {
    throw new InvalidArgumentError({
      argument: `tools.${tool.name}.inputSchema`,
      message: `The input schema of tool "${tool.name}" must be a JSON schema object such as { type: 'object', properties: {…} } (got ${Array.isArray(schema) ? 'an array' : JSON.stringify(schema)}).`,
    });
  }
  assertSendableAsJson(
    schema,
    `tools.${tool.name}.inputSchema`,
    `The input schema of tool "${tool.name}"`,
  );
}

function convertToolChoice(
  toolChoice: LanguageModelV4CallOptions['toolChoice'],
): WandbToolChoice | undefined {
  if (toolChoice == null) return undefined;
  switch (toolChoice.type) {
    case 'auto':
    case 'none':
    case 'required':
      return toolChoice.type;
    case 'tool':
      return { type: 'function', function: { name: toolChoice.toolName } };
    default: {
      const exhaustive: never = toolChoice;
      throw unknownValueError('tool choice', exhaustive);
    }
  }
}
