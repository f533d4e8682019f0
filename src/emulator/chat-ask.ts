/**
 * A W&B chat request, reduced to what picks and shapes the emulator's answer.
 */

/** The parts of a W&B chat completions body that the emulator reads. */
export type WireChatRequest = {
  model: string;
  messages: WireMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: Array<{ type?: string; function: { name: string; parameters?: unknown } }>;
  tool_choice?: 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } };
  response_format?: {
    type: 'text' | 'json_object' | 'json_schema';
    json_schema?: { schema?: unknown };
  };
  reasoning_effort?: string;
  chat_template_kwargs?: { enable_thinking?: boolean };
};

type WireMessage = {
  role: string;
  content?: unknown;
  tool_call_id?: string;
  tool_calls?: Array<{ id: string; function: { name: string } }>;
};

export type ChatAsk = {
  model: string;
  /** The text of the last user message. */
  prompt: string;
  /** The last user message carried an image. */
  hasImage: boolean;
  /** The tools the request offers, in its order. */
  tools: Array<{ name: string; parameters: unknown }>;
  /** Names of the tools the request offers. */
  toolNames: string[];
  toolChoice: WireChatRequest['tool_choice'];
  /** The results of the tool calls since the last user message, parsed from the `tool` messages. */
  toolResults: unknown[];
  /** Those results with the name of the tool that produced each (from the assistant's calls). */
  namedToolResults: Array<{ toolName: string; result: unknown }>;
  /** `response_format`, when JSON output is asked for. */
  responseFormat: WireChatRequest['response_format'];
  enableThinking: boolean | undefined;
  reasoningEffort: string | undefined;
};

/** Whether `body` has what every chat request needs: a model id and a list of messages. */
export function isWireChatRequest(body: unknown): body is WireChatRequest {
  const request = body as Partial<WireChatRequest> | undefined;
  return (
    request != null &&
    typeof request === 'object' &&
    typeof request.model === 'string' &&
    Array.isArray(request.messages) &&
    request.messages.every(message => message != null && typeof message.role === 'string')
  );
}

export function chatAskOf(body: WireChatRequest): ChatAsk {
  const lastUser = body.messages.map(message => message.role).lastIndexOf('user');
  const content = body.messages[lastUser]?.content;
  const parts = Array.isArray(content) ? (content as Array<{ type?: string; text?: string }>) : [];
  const toolNamesById = new Map(
    body.messages.flatMap(message =>
      (message.tool_calls ?? []).map(call => [call.id, call.function?.name] as const),
    ),
  );
  const toolMessages = body.messages.slice(lastUser + 1).filter(message => message.role === 'tool');
  const namedToolResults = toolMessages.map(message => ({
    toolName: toolNamesById.get(message.tool_call_id ?? '') ?? 'a tool',
    result: parseToolResult(message.content),
  }));
  const tools = (body.tools ?? [])
    .filter(tool => typeof tool?.function?.name === 'string')
    .map(tool => ({ name: tool.function.name, parameters: tool.function.parameters }));
  const format = body.response_format?.type;
  return {
    model: body.model,
    prompt: typeof content === 'string' ? content : parts.map(part => part.text ?? '').join('\n'),
    hasImage: parts.some(part => part.type === 'image_url'),
    tools,
    toolNames: tools.map(tool => tool.name),
    toolChoice: body.tool_choice,
    toolResults: namedToolResults.map(({ result }) => result),
    namedToolResults,
    responseFormat:
      format === 'json_object' || format === 'json_schema' ? body.response_format : undefined,
    enableThinking: body.chat_template_kwargs?.enable_thinking,
    reasoningEffort: body.reasoning_effort,
  };
}

function parseToolResult(content: unknown): unknown {
  const text = Array.isArray(content)
    ? content.map(part => (part as { text?: string }).text ?? '').join('')
    : content;
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
