import { context, diag, ROOT_CONTEXT, createContextKey, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { VERSION } from '../version';
import { WeaveThreadSpanProcessor } from './weave-thread';
import type { ResolvedWeaveOptions } from './weave-tracing-options';

type ExportResult = Parameters<Parameters<SpanExporter['export']>[1]>[0];
/** `ExportResultCode.SUCCESS` of `@opentelemetry/core`, not imported: one optional peer fewer. */
const EXPORT_SUCCESS = 0;

/** Weave's own tracer and the two ways to end it; nothing here is registered globally. */
export type WeaveSpanPipeline = {
  tracer: Tracer;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
};

/**
 * A tracer provider of our own (never the global one, so an app's OpenTelemetry set-up stays as
 * it is) that batches spans and sends them to Weave as OTLP/HTTP protobuf.
 */
export function createWeaveSpanPipeline(options: ResolvedWeaveOptions): WeaveSpanPipeline {
  ensureContextManager();
  const exporter = new ReportFailuresOnce(createOtlpExporter(options), options);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': options.serviceName,
      'wandb.entity': options.entity,
      'wandb.project': options.project,
    }),
    spanProcessors: [new WeaveThreadSpanProcessor(), new BatchSpanProcessor(exporter)],
  });
  return {
    tracer: provider.getTracer('wandb-ai-provider', VERSION),
    forceFlush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

/** The env variables through which OTel's exporter adds headers to every request it sends. */
const ENV_HEADERS = ['OTEL_EXPORTER_OTLP_HEADERS', 'OTEL_EXPORTER_OTLP_TRACES_HEADERS'];

function createOtlpExporter(options: ResolvedWeaveOptions): OTLPTraceExporter {
  const create = () =>
    new OTLPTraceExporter({
      url: options.tracesURL,
      headers: { 'wandb-api-key': options.apiKey },
    });
  // The exporter merges these variables into its headers when it is constructed. They are meant
  // for the app's own collector and may hold its credentials, which must not be sent to W&B.
  const env = typeof process === 'undefined' ? undefined : process.env;
  const saved = env == null ? [] : ENV_HEADERS.filter(name => env[name] != null);
  if (env == null || saved.length === 0) return create();
  const values = saved.map(name => env[name]);
  for (const name of saved) delete env[name];
  try {
    return create();
  } finally {
    saved.forEach((name, index) => {
      env[name] = values[index];
    });
  }
}

/**
 * Reports the first failed export through OpenTelemetry's diagnostics and tells the batch
 * processor it succeeded: a failing collector must not reject the app's `forceFlush()` nor log
 * once per batch. Spans of a failed export are dropped, as the batch processor would.
 */
class ReportFailuresOnce implements SpanExporter {
  private reported = false;

  constructor(
    private readonly exporter: SpanExporter,
    private readonly options: ResolvedWeaveOptions,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.exporter.export(spans, result => {
      if (result.code !== EXPORT_SUCCESS && !this.reported) {
        this.reported = true;
        const reason = (result.error?.message ?? 'unknown error').replaceAll(
          this.options.apiKey,
          '[redacted]',
        );
        diag.error(
          `wandb-ai-provider/weave: ${spans.length} span(s) could not be sent to ${this.options.tracesURL}: ${reason}. ` +
            'The AI calls are not affected; further export failures are not reported.',
        );
      }
      done({ code: EXPORT_SUCCESS });
    });
  }

  forceFlush(): Promise<void> {
    return this.exporter.forceFlush?.() ?? Promise.resolve();
  }

  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }
}

const PROBE = createContextKey('wandb-ai-provider.weave.context-probe');

/**
 * The AI SDK nests spans through OpenTelemetry's active context, which needs a context manager.
 * An app with an OpenTelemetry set-up has one already and keeps it; otherwise the
 * AsyncLocalStorage one is installed (the default context manager loses the context at once).
 */
function ensureContextManager(): void {
  const works = context.with(ROOT_CONTEXT.setValue(PROBE, true), () =>
    context.active().getValue(PROBE),
  );
  if (works === true) return;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
}
