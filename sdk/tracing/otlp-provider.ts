// The tracer provider `moonforge run --trace` makes for itself (an embedder brings its own instead): the SDK's
// BasicTracerProvider with a batching processor and the OTLP/HTTP exporter, so spans leave in batches off the
// processes' path. Where they go: `--trace-otlp URL`, else what OpenTelemetry's own variables say
// (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_EXPORTER_OTLP_ENDPOINT, read by the exporter), else localhost:4318.
import type { TracerProvider } from '@opentelemetry/api';
import { otelExportPackages, type OtelTraceBase } from './otel-packages.js';

export interface OwnedProvider {
  tracerProvider: TracerProvider;
  /** sends what is still batched and closes the exporter */
  shutdown(): Promise<void>;
}

/** The OTLP/HTTP path of traces, added to a URL given without a path (`http://collector:4318`), as the variables do. */
export function otlpTracesUrl(url: string): string {
  const u = new URL(url);
  if (u.pathname === '' || u.pathname === '/') u.pathname = '/v1/traces';
  return u.toString();
}

/**
 * The batch processor's queue: a busy app ends a span per message, thousands per millisecond, which the SDK's default
 * queue (2048) drops between two exports; a batch stays below what a collector takes in one request.
 */
export const BATCH_OPTIONS = { maxQueueSize: 32768, maxExportBatchSize: 2048 } as const;

/** How long one export may take, retries included: a collector answers in milliseconds, and a run's end waits for it. */
const EXPORT_TIMEOUT_MS = 3000;

/**
 * A provider exporting over OTLP/HTTP to `url` (undefined: the OpenTelemetry variables decide). The service is named
 * by OTEL_SERVICE_NAME (and OTEL_RESOURCE_ATTRIBUTES adds to it), else `serviceName`. The first export that fails is
 * reported through `report` (once: a collector that is down would otherwise say so every few seconds).
 */
export function otlpProvider(url: string | undefined, serviceName: string, report: (message: string) => void): OwnedProvider {
  const { base, otlp, resources } = otelExportPackages();
  const full = url === undefined ? undefined : otlpTracesUrl(url);
  const exporter = new otlp.OTLPTraceExporter({ ...(full === undefined ? {} : { url: full }), timeoutMillis: EXPORT_TIMEOUT_MS });
  let reported = false;
  const reporting: OtelTraceBase.SpanExporter = {
    export(spans, done) {
      exporter.export(spans, (result) => {
        if (result.code !== 0 && !reported) {
          reported = true;
          const where = full ?? 'the OTLP endpoint of OTEL_EXPORTER_OTLP_ENDPOINT (default http://localhost:4318)';
          report(`tracing: spans could not be sent to ${where}: ${result.error?.message ?? 'export failed'}`);
        }
        done(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush(),
  };
  // the environment's attributes win over the default name
  const resource = resources
    .resourceFromAttributes({ 'service.name': serviceName })
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  const provider = new base.BasicTracerProvider({ resource, spanProcessors: [new base.BatchSpanProcessor(reporting, BATCH_OPTIONS)] });
  return { tracerProvider: provider, shutdown: () => provider.shutdown() };
}
