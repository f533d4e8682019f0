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
};

export type WandbEmulator = {
  /** e.g. `http://127.0.0.1:41234/v1` */
  baseURL: string;
  port: number;
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
  const routes = emulatorRoutes(options);
  const server = await startFakeWandbServer({
    port: options.port,
    // A long-running emulator must not keep every request it has answered.
    recordRequests: false,
    unscripted: request => dispatch(routes, request, options),
  });
  return {
    baseURL: server.baseURL,
    port: Number(new URL(server.baseURL).port),
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
  ];
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
