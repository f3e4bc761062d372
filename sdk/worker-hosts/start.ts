// The main thread's side of worker hosts (issue 16): starts a worker thread per share of every process.host with
// `workers: N | auto`, joins all threads with a full mesh of MessageChannels, and turns a worker's death into the
// loss of a peer (every watcher of its processes gets EXIT / LINK_DOWN, "node down: HOST#k: ..."), told to every
// other thread too. The node keeps running without it; spawns placed on it fail with Unavailable.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import type { App, AppSecurity, PortTransport, ProcessRuntime } from '../../runtime/process/index.js';
import type { LogRecord } from '../../runtime/modules/index.js';
import { connectThread } from './connect.js';
import type { ThreadLayout } from './layout.js';
import type { FromWorker, ToWorker, WorkerStart } from './messages.js';
import { workerHostScript } from './script.js';

export interface WorkerHosts {
  readonly layout: ThreadLayout;
  /** Kills worker thread `index` (1..threads-1) as a crash would: its processes' watchers get their events. */
  kill(index: number): Promise<void>;
  /**
   * Stops the processes of every worker as the main thread's are stopped (bootApp.stop): a CANCEL ("scheduler
   * shutdown") to each, `graceMs` to end, then the rest terminated. Resolves to how many had to be terminated.
   */
  stop(graceMs: number): Promise<number>;
  /** Ends every worker thread (the app is over); a worker that traces sends its last spans first. */
  close(): Promise<void>;
  /**
   * Starts tracing in every worker as the main thread's `--trace` does (sdk/tracing/worker-tracing.ts): spans to `url`
   * (undefined: the OTEL_* variables decide), service `service`. Resolves once each traces, or to the first reason
   * one cannot.
   */
  trace(url: string | undefined, service: string): Promise<string | undefined>;
  /** Ends tracing in every worker, their last spans sent (each waited for at most `waitMs`). */
  endTracing(waitMs: number): Promise<void>;
}

export interface WorkerHostsOptions {
  app: App;
  rt: ProcessRuntime;
  policies: AppSecurity['registry'];
  layout: ThreadLayout;
  transport: PortTransport;
  /** the main thread's writers: workers' print output (1) and problems (2) go there */
  write: (s: string) => void;
  stderr: (s: string) => void;
  /** the main thread's log sink: workers' logger records go there */
  log: (r: LogRecord) => void;
  /** entry id -> module URL and sourceKey of every chunk the main thread compiled */
  chunks: ReadonlyMap<string, { url: string; source: string }>;
  start: Pick<WorkerStart, 'maxRunMs' | 'maxProcesses' | 'args' | 'logLevel'>;
}

/** Starts the workers and resolves once each has built its runtime (rejects if one cannot). */
export async function startWorkerHosts(o: WorkerHostsOptions): Promise<WorkerHosts> {
  const { layout, transport } = o;
  const n = layout.threads;
  // ports[i][j]: thread i's end of the channel between i and j
  const ports: MessagePort[][] = Array.from({ length: n }, () => new Array<MessagePort>(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const ch = new MessageChannel();
      ports[i]![j] = ch.port1;
      ports[j]![i] = ch.port2;
    }
  }
  for (let j = 1; j < n; j++) transport.addPeer(layout.names[j]!, ports[0]![j]!);
  connectThread(
    o.rt,
    o.policies,
    layout,
    0,
    transport,
    (_from, stream, text) => (stream === 1 ? o.write(text) : o.stderr(text)),
    (_from, record) => o.log(record as unknown as LogRecord),
  );
  // Worker hosts are there to fill the cores with work. V8's concurrent recompilation optimizes hot functions on
  // helper threads of its own, which then compete with the workers for those cores: in bench:workers' pool phase
  // (~1.6 s of CPU) they ran 0.11-0.20 s against 0.01-0.04 s without it, while each worker ran 0.03-0.05 s more, so
  // most of that work was extra, not moved. Without it a function that gets hot is optimized on the thread that runs
  // it. A V8 flag is the process's (the main thread's isolate may follow it from now on too); each isolate reads it
  // as it starts, so it is set before the workers' isolates are made.
  setFlagsFromString('--no-concurrent-recompilation');
  const script = await workerHostScript();
  const chunks: [string, string, string][] = [...o.chunks].map(([id, c]) => [id, c.url, c.source]);
  const entries = [...o.app.entries.values()];
  const workers: Worker[] = [];
  const started: Promise<void>[] = [];
  let closing = false;
  /** the answer each worker's stop waits for */
  const stopped = new Map<Worker, (terminated: number) => void>();
  /** the answers tracing's start and end wait for */
  const traced = new Map<Worker, (error: string | undefined) => void>();
  const traceEnded = new Map<Worker, () => void>();
  let tracing = false;
  /** workers whose thread has ended (they answer nothing more) */
  const exited = new Set<Worker>();
  let tracingEnded: Promise<void> | undefined;
  /** why a worker was ended by kill(), for its watchers' error */
  const killed = new Set<number>();
  for (let i = 1; i < n; i++) {
    const own: Record<string, MessagePort> = {};
    for (let j = 0; j < n; j++) if (j !== i) own[layout.names[j]!] = ports[i]![j]!;
    const data: WorkerStart = { index: i, layout, ports: own, root: o.app.root, config: o.app.config, entries, chunks, ...o.start };
    const options = { workerData: data, transferList: Object.values(own) };
    const worker = 'file' in script ? new Worker(script.file, options) : new Worker(script.code, { ...options, eval: true });
    workers.push(worker);
    const name = layout.names[i]!;
    let why: string | undefined;
    started.push(
      new Promise<void>((resolve, reject) => {
        worker.on('message', (m: FromWorker) => {
          if (m.t === 'ready') resolve();
          else if (m.t === 'stopped') stopped.get(worker)?.(m.terminated);
          else if (m.t === 'traced') traced.get(worker)?.(m.error);
          else if (m.t === 'trace-ended') traceEnded.get(worker)?.();
          else reject(new Error(`worker host ${name} could not start: ${m.message}`));
        });
        worker.on('error', (e) => {
          why = `worker thread failed: ${e instanceof Error ? e.message : String(e)}`;
          reject(new Error(`worker host ${name}: ${why}`));
        });
        worker.on('exit', (code) => {
          exited.add(worker);
          reject(new Error(`worker host ${name} exited before it started`));
          if (closing) return;
          const reason = why ?? (killed.has(i) ? 'worker thread killed' : `worker thread exited (code ${code})`);
          transport.peerLost(name, reason);
          for (const other of workers) if (other !== worker) other.postMessage({ t: 'down', peer: name, reason } satisfies ToWorker);
        });
      }),
    );
  }
  /** Asks every worker `ask` and waits for its answer through `answers` (a worker that is gone answers nothing). */
  const askAll = <T>(ask: ToWorker, answers: Map<Worker, (v: T) => void>, gone: T, waitMs: number): Promise<T[]> =>
    Promise.all(
      workers.map(
        (w) =>
          new Promise<T>((resolve) => {
            if (exited.has(w)) return resolve(gone);
            const timer = setTimeout(() => resolve(gone), waitMs);
            const done = (v: T): void => {
              clearTimeout(timer);
              answers.delete(w);
              resolve(v);
            };
            answers.set(w, done);
            w.once('exit', () => done(gone));
            w.postMessage(ask);
          }),
      ),
    );
  const endTracing = (waitMs: number): Promise<void> => {
    if (!tracing) return Promise.resolve();
    tracingEnded ??= askAll<void>({ t: 'trace-end' }, traceEnded, undefined, waitMs).then(() => {});
    return tracingEnded;
  };
  const close = async (): Promise<void> => {
    // the spans of processes still alive there, and what is batched, before the threads go
    await endTracing(TRACE_END_MS);
    closing = true;
    transport.close();
    await Promise.all(workers.map((w) => w.terminate()));
  };
  try {
    await Promise.all(started);
  } catch (e) {
    await close();
    throw e;
  }
  const stop = (graceMs: number): Promise<number> =>
    Promise.all(
      workers.map(
        (w) =>
          new Promise<number>((resolve) => {
            // a worker that is gone (or never answers) holds nobody up past the grace and a second
            const timer = setTimeout(() => resolve(0), graceMs + 1000);
            stopped.set(w, (n) => {
              clearTimeout(timer);
              resolve(n);
            });
            w.once('exit', () => {
              clearTimeout(timer);
              resolve(0);
            });
            w.postMessage({ t: 'stop', graceMs } satisfies ToWorker);
          }),
      ),
    ).then((ns) => ns.reduce((a, b) => a + b, 0));
  return {
    layout,
    stop,
    kill: async (index) => {
      const w = workers[index - 1];
      if (w === undefined) throw new Error(`no worker thread ${index}`);
      killed.add(index);
      transport.peerLost(layout.names[index]!, 'worker thread killed');
      for (const other of workers) if (other !== w) other.postMessage({ t: 'down', peer: layout.names[index]!, reason: 'worker thread killed' } satisfies ToWorker);
      await w.terminate();
    },
    close,
    trace: async (url, service) => {
      tracing = true;
      const errors = await askAll<string | undefined>({ t: 'trace', ...(url === undefined ? {} : { url }), service }, traced, undefined, TRACE_START_MS);
      return errors.find((e) => e !== undefined);
    },
    endTracing,
  };
}

/** How long a worker may take to load the tracing packages and start tracing. */
const TRACE_START_MS = 10_000;
/** How long closing the workers waits for a worker's last spans (the main thread's own flush waits as long). */
const TRACE_END_MS = 5000;
