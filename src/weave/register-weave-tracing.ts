import { InvalidArgumentError } from '@ai-sdk/provider';
import { OpenTelemetry } from '@ai-sdk/otel';
import type { Tracer } from '@opentelemetry/api';
import { diag } from '@opentelemetry/api';
import * as ai from 'ai';
import { createWeaveSpanPipeline } from './weave-span-pipeline';
import {
  resolveWeaveOptions,
  type ResolvedWeaveOptions,
  type WeaveTracingOptions,
} from './weave-tracing-options';

export type WeaveTracing = {
  /** Sends the spans still waiting in the batch. Serverless: await it before the function returns. */
  forceFlush(): Promise<void>;
  /** Sends what is left and stops tracing; a later `registerWeaveTracing` starts anew. */
  shutdown(): Promise<void>;
};

type Registration = { tracing: WeaveTracing; options: ResolvedWeaveOptions };
// On globalThis, so the ESM and CJS copies of this package (or two bundles) share one registration.
const REGISTRATION = Symbol.for('wandb-ai-provider.weave.registration');
const registry = globalThis as { [REGISTRATION]?: Registration };

/**
 * ai@7: sends every `generateText`, `streamText`, agent (…) call's spans to W&B Weave, through the
 * AI SDK's OpenTelemetry integration (`@ai-sdk/otel`) registered with `registerTelemetry`.
 *
 * ai@7 records no telemetry at all without a registered integration, whatever
 * `experimental_telemetry` says; this is that registration. Calling it again while registered
 * returns the first registration (one set of spans, not two).
 */
export function registerWeaveTracing(options?: WeaveTracingOptions): WeaveTracing {
  const resolved = resolveWeaveOptions(options, 'registerWeaveTracing');
  const registerTelemetry = (ai as { registerTelemetry?: (...integrations: unknown[]) => void })
    .registerTelemetry;
  if (typeof registerTelemetry !== 'function') {
    throw new InvalidArgumentError({
      argument: 'ai',
      message:
        'registerWeaveTracing() needs ai@7 (the installed ai has no registerTelemetry). ' +
        'With ai@4, ai@5 or ai@6 use createWeaveTracer() and pass its tracer per call.',
    });
  }
  const existing = registry[REGISTRATION];
  if (existing != null) {
    if (!sameOptions(existing.options, resolved)) {
      diag.warn(
        'wandb-ai-provider/weave: registerWeaveTracing() was called again with other options; the first ' +
          'registration stays. Call its shutdown() first to register with new options.',
      );
    }
    return existing.tracing;
  }

  const pipeline = createWeaveSpanPipeline(resolved);
  const integration = new WeaveOpenTelemetry(pipeline.tracer, resolved);
  registerTelemetry(integration);

  let stopped: Promise<void> | undefined;
  const tracing: WeaveTracing = {
    forceFlush: () => pipeline.forceFlush(),
    shutdown: () => {
      stopped ??= (async () => {
        // ai has no unregister; its registry is the documented global array behind registerTelemetry.
        const integrations = (globalThis as { AI_SDK_TELEMETRY_INTEGRATIONS?: unknown[] })
          .AI_SDK_TELEMETRY_INTEGRATIONS;
        const index = integrations?.indexOf(integration) ?? -1;
        if (index >= 0) integrations?.splice(index, 1);
        if (registry[REGISTRATION]?.tracing === tracing) delete registry[REGISTRATION];
        await pipeline.shutdown();
      })();
      return stopped;
    },
  };
  registry[REGISTRATION] = { tracing, options: resolved };
  return tracing;
}

function sameOptions(a: ResolvedWeaveOptions, b: ResolvedWeaveOptions): boolean {
  return (Object.keys(a) as Array<keyof ResolvedWeaveOptions>).every(key => a[key] === b[key]);
}

type StartEvent = Parameters<OpenTelemetry['onStart']>[0];

/** `@ai-sdk/otel` with the registration's recording defaults; a call's own setting wins. */
class WeaveOpenTelemetry extends OpenTelemetry {
  constructor(
    tracer: Tracer,
    private readonly recording: { recordInputs: boolean; recordOutputs: boolean },
  ) {
    // `usage`: also the token details GenAI SemConv has no name for (reasoning tokens).
    super({ tracer, usage: true });
  }

  override onStart(event: StartEvent): void {
    super.onStart({
      ...event,
      recordInputs: event.recordInputs ?? this.recording.recordInputs,
      recordOutputs: event.recordOutputs ?? this.recording.recordOutputs,
    } as StartEvent);
  }
}
