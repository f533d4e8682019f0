/**
 * One script for the programs driven in-process: the fake server answers from the request
 * itself (streamed or not, as asked), so the programs' own extra calls and their order do not
 * matter. What each program sent is then read from `server.requests`.
 */
import {
  chunk,
  completion,
  type RecordedRequest,
  type ScriptedReply,
  usageChunk,
} from './wandb-server.ts';

export const WEATHER = { city: 'Paris', temperatureC: 21 };
export const THINKING = 'Two plus two is four.';

export function scriptedAnswer(request: RecordedRequest): ScriptedReply {
  const body = request.body ?? {};
  const last = body.messages?.at(-1);
  const lastText = JSON.stringify(last?.content ?? '');
  const tools: string[] = (body.tools ?? []).map((tool: any) => tool.function.name);

  if (last?.role === 'tool') return reply(body, { content: `It is ${last.content} right now.` });
  if (tools.some(name => name.includes('weather')) && lastText.includes('weather'))
    return reply(body, {
      tool_calls: [
        {
          id: 'call_weather_1',
          type: 'function',
          function: {
            name: tools.find(name => name.includes('weather')),
            arguments: JSON.stringify({ city: WEATHER.city }),
          },
        },
      ],
    });
  if (body.response_format?.type === 'json_schema' || body.response_format?.type === 'json_object')
    return reply(body, { content: JSON.stringify(WEATHER) });
  if (lastText.includes('image_url')) return reply(body, { content: 'A picture of shapes.' });
  if (lastText.includes('think tags'))
    return reply(body, { content: `<think>${THINKING}</think>The answer is 4.` });
  return reply(body, { content: 'Hello from the fake W&B server.' });
}

/** The message as a completion, or as a stream of chunks when the request asked to stream. */
function reply(
  body: any,
  message: { content?: string; tool_calls?: Array<Record<string, any>> },
): ScriptedReply {
  const finishReason = message.tool_calls ? 'tool_calls' : 'stop';
  if (!body.stream)
    return { type: 'json', body: completion(message, { finishReason, model: body.model }) };
  const origin = { model: body.model };
  const words = (message.content ?? '').split(/(?<= )/).filter(word => word !== '');
  return {
    type: 'sse',
    events: [
      chunk({ role: 'assistant', content: '' }, null, origin),
      ...words.map(word => chunk({ content: word }, null, origin)),
      ...(message.tool_calls ?? []).map((call, index) =>
        chunk({ tool_calls: [{ index, ...call }] }, null, origin),
      ),
      chunk({}, finishReason, origin),
      usageChunk(undefined, origin),
    ],
  };
}
