import type {
  LanguageModelV4CallOptions,
  SharedV4Warning,
} from '@ai-sdk/provider';
import type { WandbFunctionTool, WandbToolChoice } from './wandb-chat-api';

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

  for (const tool of tools ?? []) {
    switch (tool.type) {
      case 'function':
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
        throw new Error(`Unknown tool type: ${JSON.stringify(exhaustive)}`);
      }
    }
  }

  // ai@7 always sends a tool choice; without tools it would only make W&B reject the request.
  if (wandbTools.length === 0) return { tools: undefined, toolChoice: undefined, warnings };
  return { tools: wandbTools, toolChoice: convertToolChoice(toolChoice), warnings };
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
      throw new Error(`Unknown tool choice: ${JSON.stringify(exhaustive)}`);
    }
  }
}
