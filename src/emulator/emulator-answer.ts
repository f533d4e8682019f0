/**
 * What the emulator answers, decided from the request alone, so the same request always gets the
 * same answer. The rules, in order:
 *
 * 1. After tool results (the messages after the last user message are `tool` results): a text
 *    that reports each tool's result.
 * 2. A tool call, when the request offers tools and `tool_choice` is not `none`: the tool that
 *    `tool_choice` names, else the first offered tool whose name the last user message mentions
 *    (as a whole word, any case), else the first tool when `tool_choice` is `required`. Its
 *    arguments are built from the tool's JSON schema.
 * 3. `response_format: json_schema`: an object built from the schema; `json_object`: an object
 *    `{ "answer": <the text of rule 4> }`.
 * 4. Otherwise a text that quotes the start of the last user message.
 *
 * Every answer carries three reasoning sentences; `chat-reply.ts` shows them only for reasoning
 * models, and fewer at a lower `reasoning_effort`.
 */
import type { ChatAsk } from './chat-ask.ts';
import { valueFromSchema } from './value-from-schema.ts';

export type EmulatorAnswer =
  /** Prose. `reasoning` sentences are shown only by reasoning models, and fewer at low effort. */
  | { kind: 'text'; reasoning?: string[]; text: string }
  /** A JSON value written as the message content (structured output). */
  | { kind: 'object'; reasoning?: string[]; object: unknown }
  /** Tool calls; the request after their results gets rule 1's answer. */
  | {
      kind: 'tool-calls';
      reasoning?: string[];
      calls: Array<{ name: string; input: unknown }>;
    };

export function generatedAnswerFor(ask: ChatAsk): EmulatorAnswer {
  const reasoning = reasoningFor(ask);
  if (ask.namedToolResults.length > 0) {
    const reports = ask.namedToolResults.map(
      ({ toolName, result }) => `${toolName} returned ${JSON.stringify(result)}.`,
    );
    return { kind: 'text', reasoning, text: `From the tool results: ${reports.join(' ')}` };
  }
  const tool = toolToCall(ask);
  if (tool != null) {
    return {
      kind: 'tool-calls',
      reasoning,
      calls: [{ name: tool.name, input: valueFromSchema(tool.parameters, tool.name) }],
    };
  }
  const text = textFor(ask.prompt);
  switch (ask.responseFormat?.type) {
    case 'json_schema':
      return {
        kind: 'object',
        reasoning,
        object: valueFromSchema(ask.responseFormat.json_schema?.schema ?? {}, 'value'),
      };
    case 'json_object':
      return { kind: 'object', reasoning, object: { answer: text } };
    default:
      return { kind: 'text', reasoning, text };
  }
}

function toolToCall(ask: ChatAsk): ChatAsk['tools'][number] | undefined {
  const choice = ask.toolChoice;
  if (ask.tools.length === 0 || choice === 'none') return undefined;
  if (typeof choice === 'object' && choice != null) {
    return ask.tools.find(tool => tool.name === choice.function?.name);
  }
  const prompt = ask.prompt.toLowerCase();
  const mentioned = ask.tools.find(tool => mentions(prompt, tool.name.toLowerCase()));
  return mentioned ?? (choice === 'required' ? ask.tools[0] : undefined);
}

function mentions(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}_])${escaped}($|[^\\p{L}\\p{N}_])`, 'u').test(text);
}

function excerptOf(prompt: string): string {
  const words = prompt
    .trim()
    .split(/\s+/)
    .filter(word => word !== '');
  return words.length > 12 ? `${words.slice(0, 12).join(' ')} …` : words.join(' ');
}

function textFor(prompt: string): string {
  const excerpt = excerptOf(prompt);
  if (excerpt === '') return 'The request has no user message to answer; this is the W&B emulator.';
  return (
    `You asked: "${excerpt}". This is the W&B emulator's answer: it is made from your prompt, ` +
    'so the same prompt always gets the same words.'
  );
}

function reasoningFor(ask: ChatAsk): string[] {
  return [
    `The user asks: "${excerptOf(ask.prompt)}".`,
    'The W&B emulator answers every prompt with a fixed pattern.',
    'So the answer quotes the prompt and says where it comes from.',
  ];
}
