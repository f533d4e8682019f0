// docs/wandb-wire-format.md, recurring bug 12: vercel/ai#8427, #5197 → #8546 (supportsStructuredOutputs), #12491 / #12608, #7508 (structuredOutputs),
// #11773 (strictJsonSchema), commit 14c196a (prompt-instruction fallback + warning).
import type { JSONSchema7, LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { Output, generateText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { createWandb } from '../../src/index';
import { completion, startFakeWandbServer, type FakeWandbServer } from '../fake-wandb-server';
import { MODEL_ID, userPrompt } from '../helpers';

let server: FakeWandbServer;
beforeAll(async () => {
  server = await startFakeWandbServer();
});
afterAll(() => server.close());

const wandb = () => createWandb({ apiKey: 'test-key', baseURL: server.baseURL });
const schema: JSONSchema7 = {
  type: 'object',
  properties: { recipeName: { type: 'string' } },
  required: ['recipeName'],
  additionalProperties: false,
};

async function sentBody(options: Omit<LanguageModelV4CallOptions, 'prompt'>) {
  server.chat({ type: 'json', body: completion({ content: '{"recipeName":"Soup"}' }) });
  const result = await wandb()(MODEL_ID).doGenerate({ prompt: userPrompt('a recipe'), ...options });
  return { body: server.requests.at(-1)!.body, warnings: result.warnings };
}

describe('JSON mode keeps the schema (vercel/ai#8546, #7508, #11773, commit 14c196a)', () => {
  it('schema → response_format json_schema with default name and strict', async () => {
    const { body, warnings } = await sentBody({ responseFormat: { type: 'json', schema } });
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'response', schema, strict: true },
    });
    expect(warnings).toEqual([]);
  });

  it('passes name and description, and strictJsonSchema: false', async () => {
    const { body } = await sentBody({
      responseFormat: { type: 'json', schema, name: 'recipe', description: 'A recipe.' },
      providerOptions: { wandb: { strictJsonSchema: false } },
    });
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'recipe', description: 'A recipe.', schema, strict: false },
    });
  });

  it('no schema → json_object', async () => {
    const { body } = await sentBody({ responseFormat: { type: 'json' } });
    expect(body.response_format).toEqual({ type: 'json_object' });
  });

  it('structuredOutputs: false → json_object, the schema goes into the prompt, and a warning says so', async () => {
    const { body, warnings } = await sentBody({
      responseFormat: { type: 'json', schema },
      providerOptions: { wandb: { structuredOutputs: false } },
    });
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(JSON.stringify(body.messages)).toContain('recipeName');
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('generateText with Output.object sends the zod schema and parses the answer', async () => {
    server.chat({ type: 'json', body: completion({ content: '{"recipeName":"Soup"}' }) });
    const { output } = await generateText({
      model: wandb()(MODEL_ID),
      prompt: 'a recipe',
      output: Output.object({ schema: z.object({ recipeName: z.string() }) }),
    });
    expect(output).toEqual({ recipeName: 'Soup' });
    const format = server.requests.at(-1)!.body.response_format;
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.schema.properties).toHaveProperty('recipeName');
  });
});
