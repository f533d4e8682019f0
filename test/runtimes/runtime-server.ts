/**
 * The W&B stand-in the runtimes talk to: the suite's fake W&B server (the only import of it in
 * this folder) with answers derived from each request, so any runtime can make the scenario's
 * calls in any order. It also serves the browser page and its script from the same origin, so the
 * page's requests to /v1 are same-origin and need no CORS.
 */
import {
  completion,
  startFakeWandbServer,
  textStream,
  type FakeWandbServer,
  type RecordedRequest,
  type ScriptedReply,
} from '../../src/emulator/scripted-wandb-server';

export type { FakeWandbServer, RecordedRequest };

export const MODEL_IDS = ['openai/gpt-oss-120b', 'meta-llama/Llama-3.3-70B-Instruct'];
export const GENERATED_TEXT = 'Hello from the fake W&B server.';
export const STREAMED_WORDS = ['Hello', ' word', ' by', ' word.'];
export const WEATHER = { city: 'Paris', temperatureCelsius: 21 };

/** Static files: path (e.g. `/runtime/page.html`) → body and content type. */
export type StaticFiles = Map<string, { body: string; contentType: string }>;

export function startRuntimeServer(files: StaticFiles): Promise<FakeWandbServer> {
  return startFakeWandbServer({ unscripted: request => answer(request, files) });
}

function answer(request: RecordedRequest, files: StaticFiles): ScriptedReply {
  const path = request.path.split('?')[0];
  if (request.method === 'GET' && path === '/v1/models') {
    return {
      type: 'json',
      body: { object: 'list', data: MODEL_IDS.map(id => ({ id, object: 'model' })) },
    };
  }
  if (request.method === 'POST' && path === '/v1/chat/completions') return chatAnswer(request);
  const file = request.method === 'GET' ? files.get(path) : undefined;
  if (file != null) {
    return {
      type: 'text',
      status: 200,
      body: file.body,
      headers: { 'content-type': file.contentType },
    };
  }
  return {
    type: 'json',
    status: 404,
    body: { error: { message: `nothing at ${request.method} ${path}` } },
  };
}

function chatAnswer(request: RecordedRequest): ScriptedReply {
  const body = request.body ?? {};
  if (body.stream === true) return { type: 'sse', events: textStream(...STREAMED_WORDS) };
  if (Array.isArray(body.tools) && body.tools.length > 0) {
    const toolMessage = (body.messages ?? []).find(
      (message: { role?: string }) => message.role === 'tool',
    );
    if (toolMessage == null) {
      return {
        type: 'json',
        body: completion(
          {
            content: null,
            tool_calls: [
              {
                id: 'call_1',
                type: 'function',
                function: { name: 'add', arguments: '{"a":2,"b":3}' },
              },
            ],
          },
          { finishReason: 'tool_calls' },
        ),
      };
    }
    return {
      type: 'json',
      body: completion({ content: `The add tool said ${toolMessage.content}.` }),
    };
  }
  if (body.response_format != null) {
    return { type: 'json', body: completion({ content: JSON.stringify(WEATHER) }) };
  }
  return { type: 'json', body: completion({ content: GENERATED_TEXT }) };
}
