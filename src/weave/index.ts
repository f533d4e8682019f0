// `wandb-ai-provider/weave`: AI SDK traces to W&B Weave over OpenTelemetry. Its OpenTelemetry
// packages are optional peer dependencies, loaded by this entry only.
export { registerWeaveTracing } from './register-weave-tracing';
export type { WeaveTracing } from './register-weave-tracing';
export { createWeaveTracer } from './create-weave-tracer';
export type { WeaveTracer } from './create-weave-tracer';
export { withWeaveThread } from './weave-thread';
export type { WeaveTracingOptions } from './weave-tracing-options';
