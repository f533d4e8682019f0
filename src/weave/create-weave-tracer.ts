import type { Tracer } from '@opentelemetry/api';
import { createWeaveSpanPipeline } from './weave-span-pipeline';
import { resolveWeaveOptions, type WeaveTracingOptions } from './weave-tracing-options';

export type WeaveTracer = {
  /** An OpenTelemetry tracer for `experimental_telemetry: { isEnabled: true, tracer }`. */
  tracer: Tracer;
  /**
   * The whole `experimental_telemetry` value: enabled, this tracer, and the recording options.
   * Spread it to add your own, e.g. `{ ...weave.telemetry, functionId: 'chat' }`.
   */
  telemetry: { isEnabled: true; tracer: Tracer; recordInputs: boolean; recordOutputs: boolean };
  /** Sends the spans still waiting in the batch. Serverless: await it before the function returns. */
  forceFlush(): Promise<void>;
  /** Sends what is left and stops this tracer. */
  shutdown(): Promise<void>;
};

/**
 * ai@4, ai@5 and ai@6 (and ai@7's `experimental_telemetry`, if you prefer it): a tracer that sends
 * the spans of the calls it is passed to to W&B Weave. Only the calls given this tracer are traced.
 */
export function createWeaveTracer(options?: WeaveTracingOptions): WeaveTracer {
  const resolved = resolveWeaveOptions(options, 'createWeaveTracer');
  const pipeline = createWeaveSpanPipeline(resolved);
  return {
    tracer: pipeline.tracer,
    telemetry: {
      isEnabled: true,
      tracer: pipeline.tracer,
      recordInputs: resolved.recordInputs,
      recordOutputs: resolved.recordOutputs,
    },
    forceFlush: pipeline.forceFlush,
    shutdown: pipeline.shutdown,
  };
}
