// The compile workers: each runs worker.ts and is kept busy with up to DEPTH jobs in flight (the next one is already
// there when it finishes one). A worker holds the process open only while it has work: idle, it is unref'd, so a
// finished `moonforge check` exits without closing anything, and a pool left idle for IDLE_MS is ended (a running
// app does not keep the compilers' heaps). A worker that fails (its script cannot load, it dies) ends the whole pool:
// its jobs go back to the caller, which compiles them in its own thread.
import { Worker } from 'node:worker_threads';
import type { CompileJob, CompileResult } from './job.js';
import type { JobMessage, ReplyMessage } from './worker.js';
import type { WorkerScript } from './worker-script.js';

/**
 * Jobs sent ahead to one worker, so that it does not idle while the main thread, busy with a compile of its own or
 * importing modules, has not yet read its last answer (with 2 it idled half the time); not more, so that the last
 * jobs of a batch are not left queued at one worker while the other threads have nothing to do.
 */
const DEPTH = 4;
/** How long an idle pool is kept for the next batch (a watched app's next change) before its workers are ended. */
const IDLE_MS = 5000;

export interface PoolTask {
  job: CompileJob;
  settle(outcome: { result: CompileResult } | { error: Error }): void;
}

interface Slot<T> {
  worker: Worker;
  tasks: Map<number, T>;
}

export class CompilePool<T extends PoolTask> {
  private readonly slots: Array<Slot<T>> = [];
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;

  /**
   * Starts `size` workers. `lost` gets the jobs of a pool that failed (in no particular order), `ended` is told when
   * the pool ends, by failure or after idling.
   */
  constructor(
    script: WorkerScript,
    size: number,
    private readonly lost: (tasks: T[]) => void,
    private readonly ended: () => void,
  ) {
    // The parent's Node flags are not passed on: a worker runs only the compiler, and hooks written for the main
    // thread (vitest's --require and import flags) made it exit at once.
    const options = { execArgv: [] };
    for (let i = 0; i < size; i++) {
      const worker = 'file' in script ? new Worker(script.file, options) : new Worker(script.code, { ...options, eval: true });
      const slot: Slot<T> = { worker, tasks: new Map() };
      worker.on('message', (m: ReplyMessage) => this.reply(slot, m));
      worker.on('error', () => this.fail());
      worker.on('exit', () => this.fail());
      worker.unref();
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Whether a worker can take another job now. */
  hasRoom(): boolean {
    return !this.closed && this.slots.some((s) => s.tasks.size < DEPTH);
  }

  /** Sends `task` to the least busy worker (hasRoom() must be true). */
  send(task: T): void {
    clearTimeout(this.idleTimer);
    const slot = this.slots.reduce((a, b) => (b.tasks.size < a.tasks.size ? b : a));
    const id = this.nextId++;
    if (slot.tasks.size === 0) slot.worker.ref();
    slot.tasks.set(id, task);
    slot.worker.postMessage({ id, job: task.job } satisfies JobMessage);
  }

  private reply(slot: Slot<T>, m: ReplyMessage): void {
    const task = slot.tasks.get(m.id);
    if (task === undefined) return;
    slot.tasks.delete(m.id);
    if (slot.tasks.size === 0) slot.worker.unref();
    if (this.slots.every((s) => s.tasks.size === 0)) {
      this.idleTimer = setTimeout(() => this.close(), IDLE_MS);
      this.idleTimer.unref();
    }
    if ('result' in m) task.settle({ result: m.result });
    else task.settle({ error: Object.assign(new Error(m.thrown.message), { stack: m.thrown.stack }) });
  }

  private fail(): void {
    if (this.closed) return;
    const tasks = this.slots.flatMap((s) => [...s.tasks.values()]);
    this.close();
    this.lost(tasks);
  }

  /** Ends every worker; their unfinished jobs are dropped (fail() hands them back first). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idleTimer);
    for (const s of this.slots) {
      s.tasks.clear();
      void s.worker.terminate();
    }
    this.ended();
  }
}
