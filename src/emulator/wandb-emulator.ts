/**
 * The W&B emulator: a local stand-in for W&B Inference on 127.0.0.1 that answers any request in
 * W&B's wire format, without a key or a network. It runs on the scripted W&B server of the tests
 * (real HTTP, real server-sent events); every request is answered by the route table below.
 */
import { chatAskOf, type ChatAsk, isWireChatRequest } from './chat-ask.ts';
import { chatReply } from './chat-reply.ts';
import { generatedAnswerFor, type EmulatorAnswer } from './emulator-answer.ts';
import { EMULATOR_CATALOG, modelListBody } from './emulator-catalog.ts';
import {
  EMULATED_ERRORS,
  missingKeyError,
  notFoundError,
  requestedError,
  wandbError,
} from './emulator-errors.ts';
import { gunzipSync } from 'node:zlib';
import { countOtlpSpans } from './otlp-span-count.ts';
import {
  type RecordedRequest,
  type ScriptedReply,
  startFakeWandbServer,
} from './scripted-wandb-server.ts';

export type WandbEmulatorOptions = {
  /** The port on 127.0.0.1 (default: a free one). */
  port?: number;
  /** The pause between streamed chunks, in milliseconds (default 0). */
  delayMs?: number;
  /** Accept only this API key (W&B's 401 for any other). By default any non-empty key works. */
  apiKey?: string;
  /**
   * `'serve'` (default): any model id gets an answer. `'not-found'`: only the catalog's models
   * and LoRA artifacts of the project in the `OpenAI-Project` header; others get W&B's 404.
   */
  unknownModels?: 'serve' | 'not-found';
  /** Answers tried before the generated ones (e.g. canned answers); `undefined` falls through. */
  answer?: (ask: ChatAsk) => EmulatorAnswer | undefined;
  /** Called for each OTLP trace post Weave's endpoints accepted, with its number of spans. */
  onSpans?: (received: { spans: number; path: string }) => void;
};

export type WandbEmulator = {
  /** e.g. `http://127.0.0.1:41234/v1` */
  baseURL: string;
  port: number;
  /** The spans received so far at the Weave endpoints (`/otel/v1/traces`, `/agents/otel/v1/traces`). */
  spansReceived(): number;
  close(): Promise<void>;
};

/** One route: a method and path (without query), and the reply to a request that reached it. */
export type EmulatorRoute = {
  method: 'GET' | 'POST';
  path: string;
  /** Whether the route needs `Authorization: Bearer <key>`, as W&B's API does. */
  needsKey: boolean;
  reply: (request: RecordedRequest) => ScriptedReply;
};

export async function startWandbEmulator(
  options: WandbEmulatorOptions = {},
): Promise<WandbEmulator> {
  let spansReceived = 0;
  const routes = emulatorRoutes({
    ...options,
    onSpans: received => {
      spansReceived += received.spans;
      options.onSpans?.(received);
    },
  });
  const server = await startFakeWandbServer({
    port: options.port,
    // A long-running emulator must not keep every request it has answered.
    recordRequests: false,
    unscripted: request => dispatch(routes, request, options),
  });
  return {
    baseURL: server.baseURL,
    port: Number(new URL(server.baseURL).port),
    spansReceived: () => spansReceived,
    close: () => server.close(),
  };
}

export function emulatorRoutes(options: WandbEmulatorOptions): EmulatorRoute[] {
  return [
    {
      method: 'GET',
      path: '/v1/models',
      needsKey: true,
      reply: () => ({ type: 'json', body: modelListBody() }),
    },
    {
      method: 'POST',
      path: '/v1/chat/completions',
      needsKey: true,
      reply: request => chatCompletion(request, options),
    },
    // Weave's OpenTelemetry endpoints (traces view and agents view), for `wandb-ai-provider/weave`.
    ...['/otel/v1/traces', '/agents/otel/v1/traces'].map(
      (path): EmulatorRoute => ({
        method: 'POST',
        path,
        needsKey: false,
        reply: request => otlpTraces(request, path, options),
      }),
    ),
  ];
}

/** Accepts an OTLP/HTTP protobuf trace post as Weave does: `wandb-api-key`, protobuf only. */
function otlpTraces(
  request: RecordedRequest,
  path: string,
  options: WandbEmulatorOptions,
): ScriptedReply {
  const key = request.headers['wandb-api-key'];
  if (typeof key !== 'string' || key === '') {
    return wandbError(401, {
      message: 'Weave needs your W&B API key in the wandb-api-key header.',
    });
  }
  if (options.apiKey != null && key !== options.apiKey)
    return wandbError(401, EMULATED_ERRORS[401]);
  if (!String(request.headers['content-type']).startsWith('application/x-protobuf')) {
    return wandbError(415, {
      message: 'Weave accepts OTLP traces as application/x-protobuf only.',
    });
  }
  let spans: number;
  try {
    const body =
      request.headers['content-encoding'] === 'gzip'
        ? gunzipSync(request.bodyBytes)
        : request.bodyBytes;
    spans = countOtlpSpans(body);
  } catch {
    return wandbError(400, { message: 'The body is not an OTLP ExportTraceServiceRequest.' });
  }
  options.onSpans?.({ spans, path });
  // An empty ExportTraceServiceResponse: zero bytes of protobuf.
  return {
    type: 'text',
    status: 200,
    body: '',
    headers: { 'content-type': 'application/x-protobuf' },
  };
}

function dispatch(
  routes: EmulatorRoute[],
  request: RecordedRequest,
  options: WandbEmulatorOptions,
): ScriptedReply {
  const path = request.path.split('?')[0];
  const route = routes.find(
    candidate => candidate.method === request.method && candidate.path === path,
  );
  if (route?.needsKey) {
    const authorization = request.headers.authorization;
    if (typeof authorization !== 'string' || !/^Bearer \S/.test(authorization))
      return missingKeyError();
    if (options.apiKey != null && authorization !== `Bearer ${options.apiKey}`) {
      return wandbError(401, EMULATED_ERRORS[401]);
    }
  }
  return route == null ? notFoundError() : route.reply(request);
}

function chatCompletion(request: RecordedRequest, options: WandbEmulatorOptions): ScriptedReply {
  const body: unknown = request.body;
  if (!isWireChatRequest(body)) {
    return wandbError(400, {
      message: 'The request needs a JSON body with a string `model` and a `messages` list.',
    });
  }
  const requested = requestedError(body.model);
  if (requested != null) return requested;
  if (
    options.unknownModels === 'not-found' &&
    !isServed(body.model, request.headers['openai-project'])
  ) {
    return notFoundError();
  }
  const ask = chatAskOf(body);
  const answer = options.answer?.(ask) ?? generatedAnswerFor(ask);
  return chatReply(body, answer, {
    delayMs: options.delayMs ?? 0,
    promptChars: JSON.stringify(body.messages).length,
  });
}

/** A catalog model, or a LoRA artifact of the project the request names (W&B looks it up there). */
function isServed(model: string, projectHeader: string | string[] | undefined): boolean {
  const artifact = /^wandb-artifact:\/\/\/([^/]+\/[^/]+)\/[^/]+$/.exec(model);
  if (artifact != null) return projectHeader === artifact[1];
  return model in EMULATOR_CATALOG;
}
