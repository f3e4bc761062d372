// Turning tracing on for a process runtime: a ProcessTracer attached to its node as an observer
// (runtime/process/observe.ts), spans going to the tracer provider given (an embedder's, or the CLI's own OTLP one).
// Nothing of OpenTelemetry is loaded, and the node has no observer for it, until this runs.
import type { TracerProvider } from '@opentelemetry/api';
import type { ProcessRuntime } from '../../runtime/process/index.js';
import { otelApi } from './otel-packages.js';
import { ProcessTracer, TRACER_NAME } from './process-tracer.js';

/** createRuntime({ tracing }) and the CLI's --trace: where spans go. */
export interface TracingOptions {
  /** the provider the runtime's tracer comes from (the usual OpenTelemetry way: the host sets up its SDK and exporter) */
  tracerProvider: TracerProvider;
}

export interface Tracing {
  /** Detaches the tracer and ends the spans of the processes still alive, so they are exported. */
  stop(): void;
}

export function startTracing(rt: ProcessRuntime, opts: TracingOptions): Tracing {
  const api = otelApi();
  const tracer = new ProcessTracer(api, opts.tracerProvider.getTracer(TRACER_NAME), rt.node);
  const detach = rt.node.observe(tracer);
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      detach();
      tracer.endAll();
    },
  };
}
