/**
 * A local stand-in for W&B Inference on 127.0.0.1, so that every example and the Next.js app run
 * without an API key. It is the tests' scripted fake server
 * (`src/emulator/scripted-wandb-server.ts`: real HTTP, real server-sent events) with one script for
 * every request: W&B's auth and not-found errors, the model list, and the canned answers of
 * `canned-answers.ts`, streamed word by word with a small delay so that streaming is visible.
 */
import { randomUUID } from 'node:crypto';
import {
  chunk,
  completion,
  startFakeWandbServer,
  usageChunk,
  type ChunkOrigin,
  type RecordedRequest,
  type ScriptedReply,
} from '../../src/emulator/scripted-wandb-server.ts';
import { cannedAnswerFor, type CannedAnswer, type ChatAsk } from './canned-answers.ts';

/** The key the emulator accepts; any other key gets W&B's 401. */
export const EMULATOR_API_KEY = 'local-emulator-key';

/** How each model of the October 2026 catalog reasons (W&B's model list; `none`: not a reasoning model). */
const CATALOG: Record<string, 'always' | 'on-by-default' | 'off-by-default' | 'none'> = {
  'moonshotai/Kimi-K2.7-Code': 'always',
  'moonshotai/Kimi-K2.6': 'always',
  'deepseek-ai/DeepSeek-V3.1': 'none',
  'deepseek-ai/DeepSeek-V4-Pro-0813': 'on-by-default',
  'deepseek-ai/DeepSeek-V4-Flash-0731': 'on-by-default',
  'deepseek-ai/DeepSeek-V4.1-Flash': 'on-by-default',
  'Qwen/Qwen3.6-35B-A3B': 'on-by-default',
  'Qwen/Qwen3.8-27B': 'on-by-default',
  'nvidia/NVIDIA-Nemotron-3-Ultra-550B-A55B': 'on-by-default',
  'nvidia/NVIDIA-Nemotron-3.5-Lightning-30B-A3B': 'on-by-default',
  'openai/gpt-oss-120b': 'always',
  'openai/gpt-oss-20b': 'always',
  'google/gemma-4-31B-it': 'off-by-default',
  'google/gemma-4-26B-A4B-it': 'off-by-default',
  'meta-llama/Llama-3.3-70B-Instruct': 'none',
  'meta-llama/Llama-3.1-8B-Instruct': 'none',
  'ibm-granite/granite-4.2-8b': 'on-by-default',
  'MiniMaxAI/MiniMax-M3': 'on-by-default',
  'zai-org/GLM-5.3-Flash': 'always',
  'zai-org/GLM-5.2': 'on-by-default',
};

export type WandbEmulator = {
  /** e.g. `http://127.0.0.1:41234/v1` */
  baseURL: string;
  apiKey: string;
  close(): Promise<void>;
};

/** Starts the emulator on a free port of 127.0.0.1. `delayMs` is the pause between streamed chunks. */
export async function startWandbEmulator({
  delayMs = 30,
}: {
  delayMs?: number;
} = {}): Promise<WandbEmulator> {
  const server = await startFakeWandbServer({ unscripted: request => reply(request, delayMs) });
  // The fake server keeps every request for tests to read; a long-running emulator must not.
  const forgetRequests = setInterval(() => server.requests.splice(0), 10_000).unref();
  return {
    baseURL: server.baseURL,
    apiKey: EMULATOR_API_KEY,
    close: () => {
      clearInterval(forgetRequests);
      return server.close();
    },
  };
}

function reply(request: RecordedRequest, delayMs: number): ScriptedReply {
  const authorization = request.headers.authorization;
  // The body W&B was seen to send without a key, verbatim; the wrong-key message is from W&B's docs.
  if (authorization == null) {
    return wandbError(401, {
      code: 'invalid_api_key',
      message: 'Missing bearer authentication in header',
      type: 'invalid_request_error',
    });
  }
  if (authorization !== `Bearer ${EMULATOR_API_KEY}`) {
    return wandbError(401, {
      code: 'invalid_api_key',
      message: 'Authentication failed',
      type: 'invalid_request_error',
    });
  }
  const path = request.path.split('?')[0];
  if (request.method === 'GET' && path === '/v1/models') return { type: 'json', body: modelList() };
  if (request.method === 'POST' && path === '/v1/chat/completions')
    return chatReply(request, delayMs);
  return notFound();
}

function wandbError(status: number, error: Record<string, unknown>): ScriptedReply {
  return { type: 'json', status, body: { error } };
}

// W&B's documented message for a wrong or retired model id and for a wrong path.
const notFound = () => wandbError(404, { message: 'The requested resource was not found' });

function modelList() {
  return {
    object: 'list',
    data: Object.keys(CATALOG).map(id => ({
      id,
      object: 'model',
      created: 0,
      owned_by: 'system',
      root: id,
    })),
  };
}

function chatReply(request: RecordedRequest, delayMs: number): ScriptedReply {
  const body = request.body as WireRequest | undefined;
  if (body == null || typeof body.model !== 'string' || !Array.isArray(body.messages)) {
    return wandbError(400, {
      message: 'The request needs a JSON body with `model` and `messages`.',
      type: 'invalid_request_error',
    });
  }
  if (!isServed(body.model, request.headers['openai-project'])) return notFound();

  const answer = cannedAnswerFor(askOf(body));
  const reasoning = reasoningShown(body, answer.reasoning ?? []);
  const origin: ChunkOrigin = {
    id: `chatcmpl-${randomUUID().replaceAll('-', '')}`,
    model: body.model,
  };
  // Kimi still sends the older field name; the other models the current one.
  const reasoningField = body.model.startsWith('moonshotai/') ? 'reasoning_content' : 'reasoning';
  const content = contentOf(answer);
  const toolCalls =
    answer.kind === 'tool-calls'
      ? answer.calls.map(call => ({
          id: `chatcmpl-tool-${randomUUID().replaceAll('-', '')}`,
          name: call.name,
          arguments: JSON.stringify(call.input),
        }))
      : [];
  const finishReason = toolCalls.length > 0 ? 'tool_calls' : 'stop';
  const usage = {
    prompt_tokens: Math.ceil(request.bodyText.length / 4),
    completion_tokens: Math.ceil(
      (reasoning + content + toolCalls.map(call => call.arguments).join('')).length / 4,
    ),
  };
  const usageWithTotal = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };

  if (body.stream !== true) {
    const message = {
      content: toolCalls.length > 0 ? null : content,
      ...(reasoning !== '' && { [reasoningField]: reasoning }),
      ...(toolCalls.length > 0 && {
        tool_calls: toolCalls.map(call => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        })),
      }),
    };
    return {
      type: 'json',
      body: completion(message, {
        id: origin.id,
        model: origin.model,
        finishReason,
        usage: usageWithTotal,
      }),
    };
  }

  const events = [
    chunk({ role: 'assistant', content: '' }, null, origin),
    ...words(reasoning).map(piece => chunk({ [reasoningField]: piece }, null, origin)),
    ...(answer.kind === 'object' ? slices(content, 12) : words(content)).map(piece =>
      chunk({ content: piece }, null, origin),
    ),
    ...toolCalls.flatMap((call, index) => [
      chunk(
        {
          tool_calls: [
            { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
          ],
        },
        null,
        origin,
      ),
      ...slices(call.arguments, 10).map(piece =>
        chunk({ tool_calls: [{ index, function: { arguments: piece } }] }, null, origin),
      ),
    ]),
    chunk({}, finishReason, origin),
    usageChunk(usageWithTotal, origin),
  ];
  return { type: 'sse', events, delayMs };
}

/** The parts of a W&B chat request the emulator reads. */
type WireRequest = {
  model: string;
  messages: Array<{ role: string; content: unknown }>;
  stream?: boolean;
  tools?: Array<{ function: { name: string } }>;
  reasoning_effort?: string;
  chat_template_kwargs?: { enable_thinking?: boolean };
};

/** A catalog model, or a LoRA artifact of the project the request names (W&B looks it up there). */
function isServed(model: string, projectHeader: string | string[] | undefined): boolean {
  const artifact = /^wandb-artifact:\/\/\/([^/]+\/[^/]+)\/[^/]+$/.exec(model);
  if (artifact != null) return projectHeader === artifact[1];
  return model in CATALOG;
}

function askOf(body: WireRequest): ChatAsk {
  const lastUser = body.messages.map(message => message.role).lastIndexOf('user');
  const content = body.messages[lastUser]?.content;
  const parts = Array.isArray(content) ? (content as Array<{ type: string; text?: string }>) : [];
  return {
    prompt: typeof content === 'string' ? content : parts.map(part => part.text ?? '').join('\n'),
    hasImage: parts.some(part => part.type === 'image_url'),
    toolNames: (body.tools ?? []).map(tool => tool.function.name),
    toolResults: body.messages
      .slice(lastUser + 1)
      .filter(message => message.role === 'tool')
      .map(message => parseToolResult(message.content)),
  };
}

function parseToolResult(content: unknown): unknown {
  if (typeof content !== 'string') return content;
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}

/**
 * The reasoning a model shows: per its catalog style and `enable_thinking`, and shorter or longer
 * with `reasoning_effort`, as W&B's reasoning models behave.
 */
function reasoningShown(body: WireRequest, sentences: string[]): string {
  const thinking = body.chat_template_kwargs?.enable_thinking;
  const style = CATALOG[body.model] ?? 'none'; // LoRA adapters: base models without reasoning
  const shows =
    style === 'always' ||
    (style === 'on-by-default' && thinking !== false) ||
    (style === 'off-by-default' && thinking === true);
  if (!shows || sentences.length === 0) return '';
  const effort = body.reasoning_effort;
  const count =
    effort === 'low' || effort === 'minimal'
      ? 1
      : effort === 'high' || effort === 'xhigh' || effort === 'max'
        ? sentences.length
        : Math.max(1, sentences.length - 1);
  return sentences.slice(0, count).join(' ');
}

function contentOf(answer: CannedAnswer): string {
  switch (answer.kind) {
    case 'text':
      return answer.text;
    case 'object':
      return JSON.stringify(answer.object);
    case 'tool-calls':
      return '';
    default: {
      const exhaustive: never = answer;
      throw new Error(`unknown answer ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** Word by word, each word with the space after it, as tokens arrive. */
function words(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? [];
}

function slices(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size)
    pieces.push(text.slice(start, start + size));
  return pieces;
}
