// The moonforge side of the tracing overhead benchmark: ping-pong (bench/actors' programs) on a runtime without
// tracing and on one traced into the SDK's BatchSpanProcessor with an exporter that only counts, so the figure is the
// runtime's and the SDK's cost, not a network's.
import { BasicTracerProvider, BatchSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { createRuntime, loadEntries, runRoot } from '../actors/harness.js';
import { startTracing } from '../../sdk/tracing/start-tracing.js';
import { BATCH_OPTIONS } from '../../sdk/tracing/otlp-provider.js';
import type { ProcessEntry } from '../../runtime/process/index.js';

/** The entries of bench/actors/programs.lua.mjs (run.mjs passes them). */
export async function entries(lua: Record<string, string>): Promise<Map<string, ProcessEntry>> {
  return loadEntries({ 'bench:pingpong': lua['bench:pingpong']!, 'bench:pong': lua['bench:pong']! });
}

export interface Round {
  cpuMs: number;
  wallMs: number;
  /** spans exported (traced rounds) */
  spans: number;
}

/** One ping-pong of `n` round trips; traced: with the batch processor flushed before the clock stops. */
export async function pingpong(list: Map<string, ProcessEntry>, n: number, traced: boolean): Promise<Round> {
  const rt = createRuntime(list);
  let spans = 0;
  const exporter: SpanExporter = {
    export(batch: ReadableSpan[], done) {
      spans += batch.length;
      done({ code: 0 });
    },
    shutdown: async () => {},
  };
  // the queue the CLI's provider has (sdk/tracing/otlp-provider.ts)
  const provider = traced ? new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter, BATCH_OPTIONS)] }) : undefined;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const tracing = provider === undefined ? undefined : startTracing(rt, { tracerProvider: provider });
  await runRoot(rt, 'bench:pingpong', [n]);
  tracing?.stop();
  await provider?.forceFlush();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  await provider?.shutdown();
  rt.shutdown();
  return { cpuMs: (c.user + c.system) / 1000, wallMs, spans };
}
