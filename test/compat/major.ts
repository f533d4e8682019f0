/**
 * What the compatibility matrix asks of each `ai` major. Every scenario in `matrix.test.ts` runs
 * through each adapter in `majors/`; an adapter uses only its own major's public API (its own
 * `generateText`, `tool`, `Output`, zod flavour, and the package entry meant for it).
 */
import type { WandbProviderSettings } from '../../src/index';

export type Usage = { input: number | undefined; output: number | undefined };

export type TextResult = {
  text: string;
  reasoning: string | undefined;
  usage: Usage;
  finishReason: string;
  /** How many model calls the run took. */
  steps: number;
  /** What the weather tool returned in the first step, if it was called. */
  firstToolOutput: unknown;
  warnings: unknown[];
};

export type StreamResult = TextResult & {
  deltas: string[];
  /** What `onError` received. */
  errors: unknown[];
};

export type TextCall = {
  prompt?: string;
  /** A user message holding `prompt` and this image. */
  image?: Uint8Array | URL;
  /** Offer the `weather({ city })` tool and allow up to three steps. */
  weatherTool?: boolean;
  providerOptions?: Record<string, Record<string, unknown>>;
  topK?: number;
  maxRetries?: number;
};

export type ObjectCall = {
  prompt: string;
  /** Object generation mode; `tool` exists in ai@4 only. */
  mode?: 'json' | 'tool';
};

export type Person = { name: string; born: number };

export interface Major {
  name: 'ai@4' | 'ai@5' | 'ai@6' | 'ai@7';
  /** The package entry this major imports. */
  entry:
    | 'wandb-ai-provider/v1'
    | 'wandb-ai-provider/v2'
    | 'wandb-ai-provider/v3'
    | 'wandb-ai-provider';
  /** The `specificationVersion` of the models it gets. */
  specificationVersion: 'v1' | 'v2' | 'v3' | 'v4';
  /** The user-agent segment this major adds (`undefined`: it adds none). */
  userAgent: string | undefined;
  /** Whether `generateObject`/`streamObject` offer `mode: 'tool'`. */
  hasObjectToolMode: boolean;
  model(settings: WandbProviderSettings, modelId: string): unknown;
  generateText(model: unknown, call: TextCall): Promise<TextResult>;
  /** Streams (draining the stream as a user would) and collects the same facts. */
  streamText(model: unknown, call: TextCall): Promise<StreamResult>;
  generateObject(model: unknown, call: ObjectCall): Promise<Person>;
  streamObject(model: unknown, call: ObjectCall): Promise<{ partials: unknown[]; object: Person }>;
  /** `generateText` with this major's structured output (`Output.object`). */
  generateOutput(model: unknown, prompt: string): Promise<Person>;
  /** This major's `APICallError.isInstance`. */
  isAPICallError(
    error: unknown,
  ): error is { statusCode?: number; isRetryable: boolean; message: string };
}
