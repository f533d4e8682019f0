/**
 * The transcript corpus of test/fixtures/ (shapes real vLLM, SGLang and gateway servers send, each
 * file citing its public sources) replayed through the stream processor alone and through the
 * AI SDK's streamText / generateText over HTTP. Inline snapshots record what each one yields, so a
 * change in behaviour shows up as a diff to review.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { generateText, jsonSchema, streamText, tool, type ToolSet } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WandbChatStreamProcessor } from '../../src/chat/wandb-chat-stream';
import { WandbToolCallIdAllocator } from '../../src/chat/wandb-tool-call-id-allocator';
import { startFakeWandbServer, type FakeWandbServer } from '../fake-wandb-server';
import { MODEL_ID, providerFor } from '../helpers';
import { gptOssToolCall } from '../fixtures/responses/gpt-oss-tool-call';
import { kimiToolCall } from '../fixtures/responses/kimi-tool-call';
import { vllmOnlyKeys } from '../fixtures/responses/vllm-only-keys';

const STREAMS = join(import.meta.dirname, '../fixtures/streams');
const transcript = (name: string) => readFileSync(join(STREAMS, `${name}.sse`), 'utf8');

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

/** The processor's parts for a whole transcript, with runs of deltas joined into one line each. */
function processed(text: string): string[] {
  const parts: LanguageModelV4StreamPart[] = [];
  const processor = new WandbChatStreamProcessor(part => parts.push(part), {
    includeRawChunks: false,
    redact: value => value,
    toolCallIds: new WandbToolCallIdAllocator(),
  });
  processor.processBytes(new TextEncoder().encode(text));
  processor.end();
  return summarizeParts(parts);
}

function summarizeParts(parts: LanguageModelV4StreamPart[]): string[] {
  const lines: string[] = [];
  const deltas = new Map<string, string>();
  for (const part of parts) {
    switch (part.type) {
      case 'text-start':
      case 'reasoning-start':
        deltas.set(part.id, '');
        break;
      case 'text-delta':
      case 'reasoning-delta':
        deltas.set(part.id, (deltas.get(part.id) ?? '') + part.delta);
        break;
      case 'text-end':
      case 'reasoning-end':
        lines.push(`${part.type.replace('-end', '')} ${JSON.stringify(deltas.get(part.id))}`);
        break;
      case 'tool-input-start':
        deltas.set(part.id, '');
        lines.push(`tool-input-start ${part.id} ${part.toolName}`);
        break;
      case 'tool-input-delta':
        deltas.set(part.id, (deltas.get(part.id) ?? '') + part.delta);
        break;
      case 'tool-input-end':
        lines.push(`tool-input-end ${part.id} ${deltas.get(part.id)}`);
        break;
      case 'tool-call':
        lines.push(`tool-call ${part.toolCallId} ${part.toolName} ${part.input}`);
        break;
      case 'response-metadata':
        lines.push(
          `response-metadata ${part.id ?? '-'} ${part.modelId ?? '-'} ${part.timestamp?.toISOString() ?? '-'}`,
        );
        break;
      case 'error':
        lines.push(`error ${(part.error as Error).message}`);
        break;
      case 'finish': {
        const { inputTokens, outputTokens } = part.usage;
        lines.push(
          `finish ${part.finishReason.unified} (raw ${part.finishReason.raw ?? '-'}), tokens in ${inputTokens.total ?? '-'} out ${outputTokens.total ?? '-'} (reasoning ${outputTokens.reasoning ?? '-'})`,
        );
        break;
      }
      default:
        lines.push(part.type);
    }
  }
  return lines;
}

/** Tools named in the transcript, without `execute`: the AI SDK hands the calls over as they are. */
function toolsNamedIn(text: string): ToolSet {
  const names = new Set(
    [...text.matchAll(/\\?"name\\?":\s*\\?"(\w+)\\?"/g)].map(match => match[1]),
  );
  return Object.fromEntries(
    [...names].map(name => [name, tool({ inputSchema: jsonSchema({ type: 'object' }) })]),
  );
}

/** What a streamText user sees for a transcript served over HTTP. */
async function streamedThroughAi(text: string) {
  server.chat({
    type: 'respond',
    respond: response => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(text);
    },
  });
  const errors: string[] = [];
  const result = streamText({
    model: providerFor(server)(MODEL_ID),
    prompt: 'Go.',
    tools: toolsNamedIn(text),
    onError: ({ error }) => void errors.push((error as Error).message),
  });
  await result.consumeStream();
  const usage = await result.usage;
  return {
    text: await result.text,
    reasoning: await result.reasoningText,
    toolCalls: (await result.toolCalls).map(
      call => `${call.toolCallId} ${call.toolName} ${JSON.stringify(call.input)}`,
    ),
    finishReason: await result.finishReason,
    usage: `in ${usage.inputTokens} out ${usage.outputTokens} total ${usage.totalTokens}`,
    responseId: (await result.response).id,
    errors,
  };
}

describe('stream transcripts through the stream processor', () => {
  it('vLLM: the finish chunk still carries content', () => {
    expect(processed(transcript('vllm-finish-chunk-carries-content'))).toMatchInlineSnapshot(`
      [
        "response-metadata chatcmpl-8b2b9172 Qwen/Qwen3.8-27B 2026-03-02T03:52:52.000Z",
        "text "I am a helpful"",
        "finish length (raw length), tokens in 28 out 10 (reasoning -)",
      ]
    `);
  });
  it('vLLM hermes: the last argument bytes come with finish_reason', () => {
    expect(
      processed(transcript('vllm-hermes-last-arguments-in-finish-chunk')),
    ).toMatchInlineSnapshot(`
      [
        "response-metadata chatcmpl-2b45106e Qwen/Qwen3.6-35B-A3B 2025-06-16T09:58:31.000Z",
        "tool-input-start chatcmpl-tool-040af537f3e1 get_weather",
        "tool-input-end chatcmpl-tool-040af537f3e1 {"city": "Paris"}",
        "tool-call chatcmpl-tool-040af537f3e1 get_weather {"city": "Paris"}",
        "finish tool-calls (raw tool_calls), tokens in 176 out 22 (reasoning -)",
      ]
    `);
  });
  it('explicit null / empty id, type and name in argument deltas', () => {
    expect(processed(transcript('null-id-type-name-in-argument-deltas'))).toMatchInlineSnapshot(`
      [
        "response-metadata chatcmpl-c9ZCzB9b zai-org/GLM-5.2 2025-10-27T12:06:12.000Z",
        "tool-input-start chatcmpl-tool-c9ZCzB9b9Nik search",
        "tool-input-end chatcmpl-tool-c9ZCzB9b9Nik {"query": "vllm tool parsers"}",
        "tool-call chatcmpl-tool-c9ZCzB9b9Nik search {"query": "vllm tool parsers"}",
        "finish tool-calls (raw tool_calls), tokens in - out - (reasoning -)",
      ]
    `);
  });
  it('two finish chunks', () => {
    expect(processed(transcript('two-finish-chunks'))).toMatchInlineSnapshot(`
      [
        "response-metadata chatcmpl-d7e1 deepseek-ai/DeepSeek-V4-Flash-0731 2025-11-01T12:26:40.000Z",
        "tool-input-start call_0_6f1c get_weather",
        "tool-input-end call_0_6f1c {"city":"Oslo"}",
        "tool-call call_0_6f1c get_weather {"city":"Oslo"}",
        "finish tool-calls (raw stop), tokens in 90 out 15 (reasoning -)",
      ]
    `);
  });
  it('continuous usage: the last figures, never a sum', () => {
    expect(processed(transcript('vllm-continuous-usage-stats'))).toMatchInlineSnapshot(`
      [
        "response-metadata chat-2487a8a9 meta-llama/Llama-3.1-8B-Instruct 2024-08-07T12:00:07.000Z",
        "text "Hello there!"",
        "finish stop (raw stop), tokens in 16 out 3 (reasoning -)",
      ]
    `);
  });
  it('role in every delta, finish_reason "" until the end', () => {
    expect(processed(transcript('role-in-every-delta'))).toMatchInlineSnapshot(`
      [
        "response-metadata chatcmpl-693 google/gemma-4-31B-it 2024-05-11T11:40:19.000Z",
        "text " Hello there!"",
        "finish stop (raw stop), tokens in - out - (reasoning -)",
      ]
    `);
  });
  it('finish_reason "" around tool-call argument deltas', () => {
    expect(processed(transcript('empty-finish-reason-around-tool-deltas'))).toMatchInlineSnapshot(`
      [
        "response-metadata chatcmpl-694 google/gemma-4-26B-A4B-it 2024-05-11T11:40:20.000Z",
        "tool-input-start call_a1 get_weather",
        "tool-input-end call_a1 {"city": "Rome"}",
        "tool-call call_a1 get_weather {"city": "Rome"}",
        "finish tool-calls (raw tool_calls), tokens in - out - (reasoning -)",
      ]
    `);
  });
  it('runs of empty deltas', () => {
    expect(processed(transcript('empty-delta-runs'))).toMatchInlineSnapshot(`
      [
        "response-metadata chatcmpl-e1 ibm-granite/granite-4.2-8b 2025-12-29T09:20:00.000Z",
        "text "Ready."",
        "finish stop (raw stop), tokens in - out - (reasoning -)",
      ]
    `);
  });
  it('Kimi K2: tool_calls [] with text, no finish key, first delta without arguments', () => {
    expect(processed(transcript('kimi-k2-tool-calls'))).toMatchInlineSnapshot(`
      [
        "response-metadata chatcmpl-k2a moonshotai/Kimi-K2.6 2026-01-09T23:06:40.000Z",
        "reasoning "Weather for two cities."",
        "text "Checking both."",
        "tool-input-start functions.get_weather:0 get_weather",
        "tool-input-start functions.get_weather:1 get_weather",
        "tool-input-end functions.get_weather:0 {"city": "Paris"}",
        "tool-call functions.get_weather:0 get_weather {"city": "Paris"}",
        "tool-input-end functions.get_weather:1 {"city": "Oslo"}",
        "tool-call functions.get_weather:1 get_weather {"city": "Oslo"}",
        "finish tool-calls (raw stop), tokens in 210 out 52 (reasoning 8)",
      ]
    `);
  });
  it('GLM: a whole call in one delta', () => {
    expect(processed(transcript('glm-whole-call-in-one-delta'))).toMatchInlineSnapshot(`
      [
        "response-metadata chatcmpl-glm1 zai-org/GLM-5.3-Flash 2025-12-18T23:20:00.000Z",
        "reasoning "Write it with the tool."",
        "tool-input-start chatcmpl-tool-9a1b write_article",
        "tool-input-end chatcmpl-tool-9a1b {"topic": "tool parsers", "content": "Parsers turn model text into calls."}",
        "tool-call chatcmpl-tool-9a1b write_article {"topic": "tool parsers", "content": "Parsers turn model text into calls."}",
        "finish tool-calls (raw tool_calls), tokens in - out - (reasoning -)",
      ]
    `);
  });
  it('both reasoning fields with the same text', () => {
    expect(processed(transcript('both-reasoning-fields'))).toMatchInlineSnapshot(`
      [
        "response-metadata chatcmpl-r2 deepseek-ai/DeepSeek-V4-Pro-0813 2025-12-06T05:46:40.000Z",
        "reasoning "9.11 < 9.8 since 0.11 < 0.80."",
        "text "9.8 is greater."",
        "finish stop (raw stop), tokens in 20 out 21 (reasoning 14)",
      ]
    `);
  });
  it('reasoning: null', () => {
    expect(processed(transcript('reasoning-null'))).toMatchInlineSnapshot(`
      [
        "response-metadata chatcmpl-n1 meta-llama/Llama-3.3-70B-Instruct 2025-11-24T16:00:00.000Z",
        "text "Paris."",
        "finish stop (raw stop), tokens in - out - (reasoning -)",
      ]
    `);
  });
  it('vLLM flat error event, then usage and [DONE]', () => {
    expect(processed(transcript('vllm-error-flat-then-usage'))).toMatchInlineSnapshot(`
      [
        "response-metadata chatcmpl-f1 openai/gpt-oss-120b 2025-11-13T02:13:20.000Z",
        "text "Partial"",
        "error W&B Inference reported an error mid-stream: The decoder prompt (length 140001) is longer than the maximum model length of 131072.",
        "finish error (raw -), tokens in - out - (reasoning -)",
      ]
    `);
  });
  it('nested error event, then usage and [DONE]', () => {
    expect(processed(transcript('vllm-error-nested-then-usage'))).toMatchInlineSnapshot(`
      [
        "response-metadata chatcmpl-f2 MiniMaxAI/MiniMax-M3 2025-11-13T02:15:00.000Z",
        "error W&B Inference reported an error mid-stream: TimeoutError",
        "finish error (raw -), tokens in - out - (reasoning -)",
      ]
    `);
  });
});

describe('stream transcripts through streamText over HTTP', () => {
  it('vLLM: the finish chunk still carries content', async () => {
    expect(
      await streamedThroughAi(transcript('vllm-finish-chunk-carries-content')),
    ).toMatchInlineSnapshot(`
      {
        "errors": [],
        "finishReason": "length",
        "reasoning": undefined,
        "responseId": "chatcmpl-8b2b9172",
        "text": "I am a helpful",
        "toolCalls": [],
        "usage": "in 28 out 10 total 38",
      }
    `);
  });
  it('vLLM hermes: the last argument bytes come with finish_reason', async () => {
    expect(
      await streamedThroughAi(transcript('vllm-hermes-last-arguments-in-finish-chunk')),
    ).toMatchInlineSnapshot(`
      {
        "errors": [],
        "finishReason": "tool-calls",
        "reasoning": undefined,
        "responseId": "chatcmpl-2b45106e",
        "text": "",
        "toolCalls": [
          "chatcmpl-tool-040af537f3e1 get_weather {"city":"Paris"}",
        ],
        "usage": "in 176 out 22 total 198",
      }
    `);
  });
  it('explicit null / empty id, type and name in argument deltas', async () => {
    expect(
      await streamedThroughAi(transcript('null-id-type-name-in-argument-deltas')),
    ).toMatchInlineSnapshot(`
      {
        "errors": [],
        "finishReason": "tool-calls",
        "reasoning": undefined,
        "responseId": "chatcmpl-c9ZCzB9b",
        "text": "",
        "toolCalls": [
          "chatcmpl-tool-c9ZCzB9b9Nik search {"query":"vllm tool parsers"}",
        ],
        "usage": "in undefined out undefined total undefined",
      }
    `);
  });
  it('two finish chunks', async () => {
    expect(await streamedThroughAi(transcript('two-finish-chunks'))).toMatchInlineSnapshot(`
      {
        "errors": [],
        "finishReason": "tool-calls",
        "reasoning": undefined,
        "responseId": "chatcmpl-d7e1",
        "text": "",
        "toolCalls": [
          "call_0_6f1c get_weather {"city":"Oslo"}",
        ],
        "usage": "in 90 out 15 total 105",
      }
    `);
  });
  it('continuous usage: the last figures, never a sum', async () => {
    expect(
      await streamedThroughAi(transcript('vllm-continuous-usage-stats')),
    ).toMatchInlineSnapshot(`
      {
        "errors": [],
        "finishReason": "stop",
        "reasoning": undefined,
        "responseId": "chat-2487a8a9",
        "text": "Hello there!",
        "toolCalls": [],
        "usage": "in 16 out 3 total 19",
      }
    `);
  });
  it('role in every delta, finish_reason "" until the end', async () => {
    expect(await streamedThroughAi(transcript('role-in-every-delta'))).toMatchInlineSnapshot(`
      {
        "errors": [],
        "finishReason": "stop",
        "reasoning": undefined,
        "responseId": "chatcmpl-693",
        "text": " Hello there!",
        "toolCalls": [],
        "usage": "in undefined out undefined total undefined",
      }
    `);
  });
  it('finish_reason "" around tool-call argument deltas', async () => {
    expect(
      await streamedThroughAi(transcript('empty-finish-reason-around-tool-deltas')),
    ).toMatchInlineSnapshot(`
      {
        "errors": [],
        "finishReason": "tool-calls",
        "reasoning": undefined,
        "responseId": "chatcmpl-694",
        "text": "",
        "toolCalls": [
          "call_a1 get_weather {"city":"Rome"}",
        ],
        "usage": "in undefined out undefined total undefined",
      }
    `);
  });
  it('runs of empty deltas', async () => {
    expect(await streamedThroughAi(transcript('empty-delta-runs'))).toMatchInlineSnapshot(`
      {
        "errors": [],
        "finishReason": "stop",
        "reasoning": undefined,
        "responseId": "chatcmpl-e1",
        "text": "Ready.",
        "toolCalls": [],
        "usage": "in undefined out undefined total undefined",
      }
    `);
  });
  it('Kimi K2: tool_calls [] with text, no finish key, first delta without arguments', async () => {
    expect(await streamedThroughAi(transcript('kimi-k2-tool-calls'))).toMatchInlineSnapshot(`
      {
        "errors": [],
        "finishReason": "tool-calls",
        "reasoning": "Weather for two cities.",
        "responseId": "chatcmpl-k2a",
        "text": "Checking both.",
        "toolCalls": [
          "functions.get_weather:0 get_weather {"city":"Paris"}",
          "functions.get_weather:1 get_weather {"city":"Oslo"}",
        ],
        "usage": "in 210 out 52 total 262",
      }
    `);
  });
  it('GLM: a whole call in one delta', async () => {
    expect(
      await streamedThroughAi(transcript('glm-whole-call-in-one-delta')),
    ).toMatchInlineSnapshot(`
      {
        "errors": [],
        "finishReason": "tool-calls",
        "reasoning": "Write it with the tool.",
        "responseId": "chatcmpl-glm1",
        "text": "",
        "toolCalls": [
          "chatcmpl-tool-9a1b write_article {"topic":"tool parsers","content":"Parsers turn model text into calls."}",
        ],
        "usage": "in undefined out undefined total undefined",
      }
    `);
  });
  it('both reasoning fields with the same text', async () => {
    expect(await streamedThroughAi(transcript('both-reasoning-fields'))).toMatchInlineSnapshot(`
      {
        "errors": [],
        "finishReason": "stop",
        "reasoning": "9.11 < 9.8 since 0.11 < 0.80.",
        "responseId": "chatcmpl-r2",
        "text": "9.8 is greater.",
        "toolCalls": [],
        "usage": "in 20 out 21 total 41",
      }
    `);
  });
  it('reasoning: null', async () => {
    expect(await streamedThroughAi(transcript('reasoning-null'))).toMatchInlineSnapshot(`
      {
        "errors": [],
        "finishReason": "stop",
        "reasoning": undefined,
        "responseId": "chatcmpl-n1",
        "text": "Paris.",
        "toolCalls": [],
        "usage": "in undefined out undefined total undefined",
      }
    `);
  });
  it('vLLM flat error event, then usage and [DONE]', async () => {
    expect(
      await streamedThroughAi(transcript('vllm-error-flat-then-usage')),
    ).toMatchInlineSnapshot(`
      {
        "errors": [
          "W&B Inference reported an error mid-stream: The decoder prompt (length 140001) is longer than the maximum model length of 131072.",
        ],
        "finishReason": "error",
        "reasoning": undefined,
        "responseId": "chatcmpl-f1",
        "text": "Partial",
        "toolCalls": [],
        "usage": "in undefined out undefined total undefined",
      }
    `);
  });
  it('nested error event, then usage and [DONE]', async () => {
    expect(
      await streamedThroughAi(transcript('vllm-error-nested-then-usage')),
    ).toMatchInlineSnapshot(`
      {
        "errors": [
          "W&B Inference reported an error mid-stream: TimeoutError",
        ],
        "finishReason": "error",
        "reasoning": undefined,
        "responseId": "chatcmpl-f2",
        "text": "",
        "toolCalls": [],
        "usage": "in undefined out undefined total undefined",
      }
    `);
  });
});

describe('response bodies through generateText over HTTP', () => {
  async function generatedThroughAi(body: unknown, toolNames: string[] = []) {
    server.chat({ type: 'json', body });
    const result = await generateText({
      model: providerFor(server)(MODEL_ID),
      prompt: 'Go.',
      tools: Object.fromEntries(
        toolNames.map(name => [name, tool({ inputSchema: jsonSchema({ type: 'object' }) })]),
      ),
    });
    return {
      text: result.text,
      reasoning: result.reasoningText,
      toolCalls: result.toolCalls.map(
        call => `${call.toolCallId} ${call.toolName} ${JSON.stringify(call.input)}`,
      ),
      finishReason: result.finishReason,
      rawFinishReason: result.rawFinishReason,
      usage: `in ${result.usage.inputTokens} out ${result.usage.outputTokens} total ${result.usage.totalTokens} reasoning ${result.usage.outputTokenDetails?.reasoningTokens}`,
      response: `${result.response.id} ${result.response.modelId} ${result.response.timestamp.toISOString()}`,
    };
  }

  it('vLLM-only keys (stop_reason, token_ids, prompt_logprobs, …) are ignored', async () => {
    expect(await generatedThroughAi(vllmOnlyKeys)).toMatchInlineSnapshot(`
      {
        "finishReason": "stop",
        "rawFinishReason": "stop",
        "reasoning": undefined,
        "response": "chatcmpl-v1 meta-llama/Llama-3.1-8B-Instruct 2025-11-30T10:53:20.000Z",
        "text": "Paris.",
        "toolCalls": [],
        "usage": "in 14 out 3 total 17 reasoning undefined",
      }
    `);
  });
  it('Kimi tool call with finish_reason stop', async () => {
    expect(await generatedThroughAi(kimiToolCall, ['get_weather'])).toMatchInlineSnapshot(`
      {
        "finishReason": "tool-calls",
        "rawFinishReason": "stop",
        "reasoning": "The user wants the weather in Paris.",
        "response": "chatcmpl-k2b moonshotai/Kimi-K2.6 2026-01-09T23:15:00.000Z",
        "text": "",
        "toolCalls": [
          "functions.get_weather:0 get_weather {"city":"Paris"}",
        ],
        "usage": "in 180 out 35 total 215 reasoning 12",
      }
    `);
  });
  it('gpt-oss (harmony) tool call with reasoning under both names', async () => {
    expect(await generatedThroughAi(gptOssToolCall, ['get_weather'])).toMatchInlineSnapshot(`
      {
        "finishReason": "tool-calls",
        "rawFinishReason": "tool_calls",
        "reasoning": "Need current weather; call get_weather.",
        "response": "chatcmpl-go1 openai/gpt-oss-120b 2026-01-21T12:53:20.000Z",
        "text": "",
        "toolCalls": [
          "chatcmpl-tool-6c5e2a7f0d1b4c39 get_weather {"city":"Paris"}",
        ],
        "usage": "in 140 out 32 total 172 reasoning undefined",
      }
    `);
  });
});
