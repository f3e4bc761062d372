// The tracer provider `moonforge run --trace` makes for itself (an embedder brings its own instead): the SDK's
// BasicTracerProvider with a batching processor and the OTLP/HTTP exporter, so spans leave in batches off the
// processes' path. Where they go: `--trace-otlp URL`, else what OpenTelemetry's own variables say
// (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_EXPORTER_OTLP_ENDPOINT, read by the exporter), else localhost:4318.
import type { TracerProvider } from '@opentelemetry/api';
import { otelExportPackages } from './otel-packages.js';

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
 * A provider exporting over OTLP/HTTP to `url` (undefined: the OpenTelemetry variables decide). The service is named
 * by OTEL_SERVICE_NAME (and OTEL_RESOURCE_ATTRIBUTES adds to it), else `serviceName`.
 */
export function otlpProvider(url: string | undefined, serviceName: string): OwnedProvider {
  const { base, otlp, resources } = otelExportPackages();
  const exporter = new otlp.OTLPTraceExporter(url === undefined ? {} : { url: otlpTracesUrl(url) });
  // the environment's attributes win over the default name
  const resource = resources
    .resourceFromAttributes({ 'service.name': serviceName })
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  const provider = new base.BasicTracerProvider({ resource, spanProcessors: [new base.BatchSpanProcessor(exporter)] });
  return { tracerProvider: provider, shutdown: () => provider.shutdown() };
}
