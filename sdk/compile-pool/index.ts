// Compiling the compile cache's misses (compile-cached.ts), in this thread or on a pool of worker threads. Misses
// asked for together (an app's entries are asked for in one go) are collected until the event loop turns; a batch of
// at least MIN_POOL_JOBS starts the pool on a machine of 3 cores or more (cores − 1 workers; the main thread compiles
// too), anything else is compiled here. Measured on 2 cores (docs/benchmarks.md, "Parallel compilation"), a pool was
// slower: compiling in one thread already keeps the second core busy with V8's own background threads (optimizing
// compiler, concurrent GC: ~1 s of the 2.7 s of CPU a 300-entry app takes), a worker competed with them and paid its
// own start-up, compiler loading and JIT warm-up (+25% CPU). Each request is answered in the order it was asked,
// whichever thread finished first, so callers that collect diagnostics as answers come see them in the same order
// either way. MOONFORGE_COMPILE_WORKERS=N forces a pool of N workers for every batch, however small, the main thread
// waiting for it to start (the tests and the benchmark use it); 0 never starts one.
import { availableParallelism } from 'node:os';
import type { compile } from '../../compiler/index.js';
import { progressLine, type ProgressLine } from '../progress-line.js';
import { runCompileJob, type CompileJob, type CompileResult } from './job.js';
import { CompilePool, type PoolTask } from './pool.js';
import { compileWorkerScript } from './worker-script.js';

export type { CompileJob, CompileResult } from './job.js';

/**
 * The smallest batch of misses worth a pool (bench/build/parallel.mjs): below ~50 entries a worker took less than 10%
 * (~40 ms) off the main thread's time, less than its own start-up costs.
 */
const MIN_POOL_JOBS = 48;
/** Fewer cores than this: no pool unless forced (see above). */
const MIN_POOL_CORES = 3;

type Outcome = Parameters<PoolTask['settle']>[0];

interface Request extends PoolTask {
  outcome?: Outcome;
  resolve(result: CompileResult): void;
  reject(error: Error): void;
}

/** A request as a worker has it: its answer is counted as the workers' (compilePoolStats). */
interface WorkerTask extends PoolTask {
  request: Request;
}

/** Every request not yet answered, in the order asked. */
const asked: Request[] = [];
/** Requests no thread has taken yet. */
const queue: Request[] = [];
let pool: CompilePool<WorkerTask> | undefined;
let poolStarting = false;
/** A pool failed once: this process compiles in its own thread from then on. */
let poolFailed = false;
let drainScheduled = false;
let draining = false;
let compileHere: typeof compile | undefined;
let progress: ProgressLine | undefined;
let batchDone = 0;
let batchTotal = 0;
/** Jobs the workers have answered since the process started (compilePoolStats). */
let workerJobs = 0;

/** Compiles one cache miss; the answer comes after those of every earlier request. */
export function compileMiss(job: CompileJob): Promise<CompileResult> {
  return new Promise<CompileResult>((resolve, reject) => {
    const r: Request = {
      job,
      resolve,
      reject,
      settle(outcome) {
        r.outcome = outcome;
        batchDone++;
        answerInOrder();
        drain();
      },
    };
    if (asked.length === 0) {
      progress = progressLine();
      batchDone = 0;
      batchTotal = 0;
    }
    batchTotal++;
    asked.push(r);
    queue.push(r);
    scheduleDrain();
  });
}

function answerInOrder(): void {
  while (asked.length > 0 && asked[0]!.outcome !== undefined) {
    const r = asked.shift()!;
    const o = r.outcome!;
    if ('result' in o) r.resolve(o.result);
    else r.reject(o.error);
  }
  if (asked.length > 0) progress?.update(`compiling ${batchDone}/${batchTotal} entries`);
  else progress?.end();
}

/** How much the pool has done in this process: workers running now, jobs they answered (for the tests). */
export function compilePoolStats(): { workers: number; workerJobs: number } {
  return { workers: pool?.size ?? 0, workerJobs };
}

function workerCount(): number {
  const forced = process.env.MOONFORGE_COMPILE_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  const cores = availableParallelism();
  return cores >= MIN_POOL_CORES ? cores - 1 : 0;
}

function forcedPool(): boolean {
  return /^[1-9]\d*$/.test(process.env.MOONFORGE_COMPILE_WORKERS ?? '');
}

/** Starts the pool when the waiting batch is worth it; its script is found (or bundled) meanwhile. */
function considerPool(): void {
  if (pool !== undefined || poolStarting || poolFailed) return;
  const size = workerCount();
  if (size === 0 || queue.length < (forcedPool() ? 1 : MIN_POOL_JOBS)) return;
  poolStarting = true;
  compileWorkerScript().then(
    (script) => {
      poolStarting = false;
      try {
        if (script === undefined) poolFailed = true;
        else pool = new CompilePool(script, size, lostJobs, () => (pool = undefined));
      } catch {
        poolFailed = true;
      }
      drain();
    },
    () => {
      poolStarting = false;
      poolFailed = true;
      drain();
    },
  );
}

function lostJobs(tasks: WorkerTask[]): void {
  poolFailed = true;
  queue.unshift(...tasks.map((t) => t.request));
  scheduleDrain();
}

function scheduleDrain(): void {
  if (drainScheduled) return;
  drainScheduled = true;
  setImmediate(() => {
    drainScheduled = false;
    considerPool();
    drain();
  });
}

/**
 * Hands waiting jobs to the pool's free workers, then (unless already at it) compiles one here and comes back after
 * the event loop has turned, so workers' answers and the callers' own work go on between this thread's compiles.
 */
function drain(): void {
  while (pool !== undefined && queue.length > 0 && pool.hasRoom()) {
    const request = queue.shift()!;
    pool.send({
      job: request.job,
      request,
      settle(outcome) {
        workerJobs++;
        request.settle(outcome);
      },
    });
  }
  // forced (the tests), the main thread waits for the pool, so that the workers do get the first jobs
  if (draining || queue.length === 0 || (poolStarting && forcedPool())) return;
  draining = true;
  void compileOneHere().finally(() => {
    draining = false;
    if (queue.length > 0) scheduleDrain();
  });
}

async function compileOneHere(): Promise<void> {
  const r = queue.shift();
  if (r === undefined) return;
  let outcome: Outcome;
  try {
    // a compiler that cannot be loaded fails the job, as it failed the compile before there was a pool
    compileHere ??= (await import('../../compiler/index.js')).compile;
    outcome = { result: runCompileJob(compileHere, r.job) };
  } catch (e) {
    outcome = { error: e instanceof Error ? e : new Error(String(e)) };
  }
  r.settle(outcome);
}
