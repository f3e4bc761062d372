// A worker host thread (issue 16): runs the processes of one process.host's share of workers with a scheduler and
// node of its own. It builds the app's runtime from what the main thread sent (the app as loaded, overrides
// applied, and the URLs of the chunks the main thread compiled: nothing is compiled here), joins the other threads,
// and starts nothing by itself: processes come as spawns from other threads. print/io output and logger records go
// to the main thread's writer and log sink, in order per process (the same port as the process's messages).
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp, NodeTimeScheduler, PortTransport, shutdownNode } from '../../runtime/process/index.js';
import type { CompiledChunkModule } from '../../runtime/index.js';
import { createAppRuntime, type PrebuiltChunk } from '../app-runtime.js';
import type { FromWorker, ToWorker, WorkerStart } from './messages.js';
import type { ThreadTracing } from '../tracing/worker-tracing.js';

async function start(w: WorkerStart): Promise<void> {
  const self = w.layout.names[w.index]!;
  const transport = new PortTransport(self);
  // a closed port is a lost thread; the main thread says why (its Worker's exit and error events)
  for (const [peer, port] of Object.entries(w.ports)) transport.addPeer(peer, port);
  const time = new NodeTimeScheduler();
  let stop: ((graceMs: number) => void) | undefined;
  let trace: ((m: Extract<ToWorker, { t: 'trace' | 'trace-end' }>) => void) | undefined;
  parentPort!.on('message', (m: ToWorker) => {
    if (m.t === 'down') transport.peerLost(m.peer, m.reason);
    else if (m.t === 'stop') stop?.(m.graceMs);
    else trace?.(m);
  });
  const chunks = new Map<string, PrebuiltChunk>();
  await Promise.all(
    w.chunks.map(async ([id, url, source]) => {
      const module = (await import(url)) as CompiledChunkModule;
      const mapPath = `${fileURLToPath(url)}.map`;
      chunks.set(id, { module, url, source, map: () => (existsSync(mapPath) ? readFileSync(mapPath, 'utf8') : undefined) });
    }),
  );
  const app = createApp(w.root, w.config, new Map(w.entries.map((e) => [e.id, e])));
  const toMain = (stream: 1 | 2) => (text: string) => void transport.send('main', { t: 'output', stream, text });
  const ar = await createAppRuntime(app, {
    time,
    write: toMain(1),
    args: w.args,
    maxRunMs: w.maxRunMs,
    maxProcesses: w.maxProcesses,
    // records go to the main thread's sink; the level is the main thread's, applied here
    log: (record) => void transport.send('main', { t: 'log', record: record as unknown as Record<string, unknown> }),
    logLevel: w.logLevel,
    prebuilt: chunks,
    thread: { index: w.index, layout: w.layout, transport },
  });
  // the app's stop, as bootApp stops the main thread's processes: CANCEL, the grace, then terminate
  stop = (graceMs) =>
    shutdownNode(ar.rt, time, graceMs, (terminated) => {
      transport.flush();
      parentPort!.postMessage({ t: 'stopped', terminated } satisfies FromWorker);
    });
  // tracing, as the main thread's (sdk/tracing/worker-tracing.ts, loaded only then)
  let tracing: Promise<ThreadTracing | string> | undefined;
  trace = (m) => {
    if (m.t === 'trace') {
      tracing ??= import('../tracing/worker-tracing.js').then((t) => t.startThreadTracing(ar.rt, m.url, m.service));
      void tracing.then(
        (t) => parentPort!.postMessage({ t: 'traced', ...(typeof t === 'string' ? { error: t } : {}) } satisfies FromWorker),
        (e: unknown) => parentPort!.postMessage({ t: 'traced', error: e instanceof Error ? e.message : String(e) } satisfies FromWorker),
      );
      return;
    }
    const ending = tracing === undefined ? Promise.resolve() : tracing.then((t) => (typeof t === 'string' ? undefined : t.end()));
    void ending.catch(() => {}).then(() => parentPort!.postMessage({ t: 'trace-ended' } satisfies FromWorker));
  };
}

start(workerData as WorkerStart).then(
  () => parentPort!.postMessage({ t: 'ready' } satisfies FromWorker),
  (e: unknown) => parentPort!.postMessage({ t: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies FromWorker),
);
