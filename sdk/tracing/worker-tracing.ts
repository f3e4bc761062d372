// Tracing on a worker host thread (issue 16, sdk/worker-hosts/thread.ts): the thread's node gets a tracer of its own,
// made as the main thread's `--trace` makes its own (the CLI's OTLP provider, the same URL; OTEL_* variables are
// the process's, which a worker shares), so its processes' spans go to the same collector, each thread's in its own
// batches. A trace crosses threads as it crosses nodes: the context travels in the send and spawn frames.
// Loaded only when the main thread turns tracing on.
import type { ProcessRuntime } from '../../runtime/process/index.js';
import { TracingUnavailableError } from './otel-packages.js';
import { otlpProvider } from './otlp-provider.js';
import { startTracing } from './start-tracing.js';

export interface ThreadTracing {
  /** Ends the spans of the thread's processes still alive and sends what is left. */
  end(): Promise<void>;
}

/**
 * Starts tracing on a worker's runtime: spans to `url` (undefined: the OTEL_* variables decide), the service named
 * as the main thread names it (after the app folder `appRoot`, unless OTEL_SERVICE_NAME says). Returns why it cannot
 * (a package missing) instead.
 */
export function startThreadTracing(rt: ProcessRuntime, url: string | undefined, serviceName: string): ThreadTracing | string {
  try {
    // a failed export is said once, by the main thread, which sends to the same place: not once more per thread
    const owned = otlpProvider(url, serviceName, () => {});
    const tracing = startTracing(rt, { tracerProvider: owned.tracerProvider });
    return {
      end: async () => {
        tracing.stop();
        await owned.shutdown().catch(() => {});
      },
    };
  } catch (e) {
    if (e instanceof TracingUnavailableError) return e.message;
    throw e;
  }
}
