// Tracing for `moonforge run APPDIR --trace` (and a bundle's `node app.mjs --trace`): the CLI's own OTLP provider, or
// a provider the caller brings (tests, hosts running an app through runLoadedApp), started on the app's runtime and
// flushed when the run ends. Loaded by run-app.ts only when tracing is asked for.
import { basename } from 'node:path';
import type { ProcessRuntime } from '../../runtime/process/index.js';
import type { WorkerHosts } from '../worker-hosts/start.js';
import { otlpProvider, type OwnedProvider } from './otlp-provider.js';
import { TracingUnavailableError } from './otel-packages.js';
import { startTracing, type TracingOptions } from './start-tracing.js';

/** How long the end of a run waits for its last spans to reach the collector. */
const FLUSH_MS = 5000;

export interface RunTracingOptions {
  /** --trace: export over OTLP/HTTP */
  trace?: boolean;
  /** --trace-otlp URL */
  traceOtlp?: string;
  /** a provider of one's own instead (no exporter is made) */
  tracing?: TracingOptions;
}

export interface RunTracing {
  /** Ends the spans of processes still alive and, with the CLI's provider, sends what is left (bounded wait). */
  stop(): Promise<void>;
}

/**
 * Starts tracing on `rt` for the app at `appRoot` (its folder names the service unless OTEL_SERVICE_NAME does), or
 * returns the message of why it cannot (an optional package missing). With the CLI's own provider, the worker
 * threads of `workers` (hosts with `workers: N`) trace the same way, each with a provider of its own; a provider
 * brought by the caller is the main thread's only (it cannot cross into a thread).
 */
export async function startRunTracing(rt: ProcessRuntime, opts: RunTracingOptions, appRoot: string, stderr: (s: string) => void, workers?: WorkerHosts): Promise<RunTracing | string> {
  let owned: OwnedProvider | undefined;
  try {
    const service = basename(appRoot);
    if (opts.tracing === undefined) owned = otlpProvider(opts.traceOtlp, service, (m) => stderr(`moonforge: ${m}\n`));
    const tracing = startTracing(rt, opts.tracing ?? { tracerProvider: owned!.tracerProvider });
    if (owned !== undefined && workers !== undefined) {
      const why = await workers.trace(opts.traceOtlp, service);
      if (why !== undefined) {
        tracing.stop();
        await Promise.all([workers.endTracing(FLUSH_MS), owned.shutdown().catch(() => {})]);
        return why;
      }
    }
    return {
      async stop() {
        tracing.stop();
        if (owned === undefined) return;
        // the workers' last spans go at the same time as the main thread's (closing the workers waits for the same)
        const workersDone = workers === undefined ? Promise.resolve() : workers.endTracing(FLUSH_MS);
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), FLUSH_MS);
          timer.unref();
        });
        const done = Promise.all([owned.shutdown().catch(() => {}), workersDone]).then(() => false);
        if (await Promise.race([done, late])) stderr(`moonforge: the last traces were not sent within ${FLUSH_MS / 1000} s (is the OTLP collector at ${opts.traceOtlp ?? 'OTEL_EXPORTER_OTLP_ENDPOINT'} up?)\n`);
        clearTimeout(timer);
      },
    };
  } catch (e) {
    if (e instanceof TracingUnavailableError) return e.message;
    throw e;
  }
}
