/**
 * A scripted stand-in for W&B Inference on 127.0.0.1: real sockets, real HTTP, real SSE.
 *
 * Each test queues the replies it wants (`server.chat(...)`, `server.models(...)`), points the
 * provider at `server.baseURL`, and afterwards reads `server.requests` to see exactly what the
 * provider sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type RecordedRequest = {
  method: string;
  /** Path including the query, e.g. `/v1/chat/completions`. */
  path: string;
  /** Lower-cased header names, as Node delivers them. */
  headers: Record<string, string | string[] | undefined>;
  bodyText: string;
  /** The body exactly as it arrived (OTLP trace posts are binary protobuf). */
  bodyBytes: Uint8Array;
  /** The parsed JSON body (undefined when there is none). */
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever body the provider sent
  body: any;
  /** `performance.now()` when the request's body had fully arrived. */
  receivedAt: number;
};

export type ScriptedReply =
  /** A JSON answer (default status 200). */
  | { type: 'json'; status?: number; body: unknown; headers?: Record<string, string> }
  /** A verbatim body, e.g. an HTML gateway page or an empty 502. */
  | { type: 'text'; status: number; body: string; headers?: Record<string, string> }
  /**
   * A server-sent event stream. Objects are sent as `data: <json>\n\n`, strings verbatim (so a
   * test can send comments, `event:` lines, CRLF or broken JSON). `done` (default true) appends
   * `data: [DONE]`. `delayMs` waits between writes. `destroyAfter` cuts the socket after that
   * many writes, without ending the response.
   */
  | {
      type: 'sse';
      events: Array<unknown>;
      done?: boolean;
      delayMs?: number;
      destroyAfter?: number;
      headers?: Record<string, string>;
    }
  /** Headers are sent, then nothing ever again (until the client goes away). */
  | { type: 'stall' }
  /** The test writes the response itself, e.g. byte by byte or with backpressure. */
  | { type: 'respond'; respond: (response: ServerResponse) => void | Promise<void> }
  | ((request: RecordedRequest) => ScriptedReply);

export type FakeWandbServer = {
  /** e.g. `http://127.0.0.1:41234/v1` */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queue replies for `POST /v1/chat/completions`, used in order. */
  chat(...replies: ScriptedReply[]): void;
  /** Queue replies for `GET /v1/models`, used in order. */
  models(...replies: ScriptedReply[]): void;
  /** Number of sockets currently open to the server. */
  openSockets(): number;
  /** Number of responses begun and not yet closed (ended, or their socket gone). */
  openResponses(): number;
  close(): Promise<void>;
};

export type FakeWandbServerOptions = {
  /**
   * Answers a request that has no queued reply (or an unknown route) instead of the 599 error,
   * e.g. the examples' emulator, which scripts every answer from the request itself.
   */
  unscripted?: (request: RecordedRequest) => ScriptedReply;
  /** The port to listen on (default: a free one). */
  port?: number;
  /** Keep every request in `requests` (default true); a long-running server turns this off. */
  recordRequests?: boolean;
};

export async function startFakeWandbServer(
  options: FakeWandbServerOptions = {},
): Promise<FakeWandbServer> {
  const requests: RecordedRequest[] = [];
  const queues: Record<'chat' | 'models', ScriptedReply[]> = { chat: [], models: [] };
  const sockets = new Set<Socket>();
  let openResponses = 0;

  const server: Server = createServer(async (request, response) => {
    openResponses++;
    response.on('close', () => openResponses--);
    const recorded = await record(request);
    if (options.recordRequests !== false) requests.push(recorded);
    const route = routeOf(request);
    const reply =
      (route == null ? undefined : queues[route].shift()) ?? options.unscripted?.(recorded);
    if (reply == null) {
      writeJson(response, 599, {
        error: {
          message: `fake W&B server: no scripted reply for ${request.method} ${request.url}`,
        },
      });
      return;
    }
    await send(resolveReply(reply, recorded), response);
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    chat: (...replies) => queues.chat.push(...replies),
    models: (...replies) => queues.models.push(...replies),
    openSockets: () => sockets.size,
    openResponses: () => openResponses,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function routeOf(request: IncomingMessage): 'chat' | 'models' | undefined {
  const path = (request.url ?? '').split('?')[0];
  if (request.method === 'POST' && path === '/v1/chat/completions') return 'chat';
  if (request.method === 'GET' && path === '/v1/models') return 'models';
  return undefined;
}

async function record(request: IncomingMessage): Promise<RecordedRequest> {
  const pieces: Buffer[] = [];
  for await (const piece of request) pieces.push(piece as Buffer);
  const bodyBytes = Buffer.concat(pieces);
  const bodyText = bodyBytes.toString('utf8');
  let body: unknown;
  try {
    body = bodyText === '' ? undefined : JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  return {
    method: request.method ?? '',
    path: request.url ?? '',
    headers: request.headers,
    bodyText,
    bodyBytes,
    body,
    receivedAt: performance.now(),
  };
}

function resolveReply(
  reply: ScriptedReply,
  request: RecordedRequest,
): Exclude<ScriptedReply, (request: RecordedRequest) => unknown> {
  return typeof reply === 'function' ? resolveReply(reply(request), request) : reply;
}

function writeJson(response: ServerResponse, status: number, body: unknown, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

async function send(
  reply: Exclude<ScriptedReply, (request: RecordedRequest) => unknown>,
  response: ServerResponse,
) {
  switch (reply.type) {
    case 'json':
      writeJson(response, reply.status ?? 200, reply.body, reply.headers);
      return;
    case 'text':
      response.writeHead(reply.status, { 'content-type': 'text/html', ...reply.headers });
      response.end(reply.body);
      return;
    case 'stall':
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.flushHeaders();
      return;
    case 'respond':
      await reply.respond(response);
      return;
    case 'sse': {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        ...reply.headers,
      });
      const writes = reply.events.map(event =>
        typeof event === 'string' ? event : `data: ${JSON.stringify(event)}\n\n`,
      );
      if (reply.done !== false) writes.push('data: [DONE]\n\n');
      for (let index = 0; index < writes.length; index++) {
        if (reply.destroyAfter != null && index >= reply.destroyAfter) {
          response.socket?.destroy();
          return;
        }
        if (response.destroyed) return;
        response.write(writes[index]);
        if (reply.delayMs) await new Promise(resolve => setTimeout(resolve, reply.delayMs));
      }
      response.end();
      return;
    }
    default: {
      const exhaustive: never = reply;
      throw new Error(`unknown reply ${JSON.stringify(exhaustive)}`);
    }
  }
}

// ---- builders for realistic W&B answers --------------------------------------------------

const CREATED = 1_764_000_000;

/** A non-streaming chat completion. */
export function completion(
  message: Record<string, unknown>,
  options: { finishReason?: string | null; usage?: unknown; model?: string; id?: string } = {},
) {
  return {
    id: options.id ?? 'chatcmpl-test',
    object: 'chat.completion',
    created: CREATED,
    model: options.model ?? 'openai/gpt-oss-120b',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', ...message },
        finish_reason: options.finishReason === undefined ? 'stop' : options.finishReason,
      },
    ],
    usage:
      options.usage === undefined
        ? { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 }
        : options.usage,
  };
}

/** Who a streamed chunk says it comes from; the tests' defaults when left out. */
export type ChunkOrigin = { id?: string; model?: string };

/** The fields every streamed chunk carries: who it comes from and when. */
function chunkEnvelope(origin: ChunkOrigin) {
  return {
    id: origin.id ?? 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: CREATED,
    model: origin.model ?? 'openai/gpt-oss-120b',
  };
}

/** One streamed chunk carrying `delta` (and optionally a finish reason). */
export function chunk(
  delta: Record<string, unknown>,
  finishReason: string | null = null,
  origin: ChunkOrigin = {},
) {
  return { ...chunkEnvelope(origin), choices: [{ index: 0, delta, finish_reason: finishReason }] };
}

/** The trailing usage chunk W&B sends with `choices: []`. */
export function usageChunk(
  usage: Record<string, unknown> = { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 },
  origin: ChunkOrigin = {},
) {
  return { ...chunkEnvelope(origin), choices: [], usage };
}

/** A complete text stream: role chunk, one chunk per piece, a stop chunk and usage. */
export function textStream(...pieces: string[]) {
  return [
    chunk({ role: 'assistant', content: '' }),
    ...pieces.map(piece => chunk({ content: piece })),
    chunk({}, 'stop'),
    usageChunk(),
  ];
}
