// Memory limits for processes (issue #10): one process growing a table without bound, or a spawn bomb, must end as an
// error of that process (its monitors get EXIT), never as V8's out-of-memory crash of the whole node.
//
// All processes share one V8 heap, which cannot say who holds what, so the guard charges heap growth to the process
// that caused it, at no cost on the paths of processes that give way often:
//   - once the heap holds a quarter of the per-process limit (or half the node-wide mark), the slices of a busy task
//     (one that ran out of its budget in its last slice: a loop, the only way to grow without bound between two
//     waits) are measured: the heap's growth across the slice is charged to its process, and what a collection in
//     its slice gave back is credited (a heavy allocator triggers most collections itself, so a process making
//     garbage stays near what it keeps). A process charged past `processLimit` is stopped with "process memory limit
//     exceeded (N MB)". Any other slice — a message handled, a wait — costs a flag test.
//   - the node-wide guard reads the heap after every batch of slices, at every measured slice and every 256 spawns
//     (and from three quarters of its mark on, measures every slice, not only busy ones): above `heapFraction` of
//     V8's limit it stops the process charged with the most (or, when nobody was charged 8 MB, the one with the
//     longest mailbox backlog, if 10,000 messages or more) with "not enough memory", and refuses spawns ("not enough
//     memory to spawn a process") until the heap is below the mark again, so a spawn bomb stops growing.
// The stopped process fails like a terminated one: monitors get EXIT with the error, links LINK_DOWN; the others go on.
import v8 from 'node:v8';
import { BUDGET } from '../core/preempt.js';
import type { Task, TaskOwner } from './task.js';
import type { SliceMeter } from './scheduler.js';

/** What the guard charges: a process, and how many messages wait in its mailbox (the last resort's measure). */
export interface Charged extends TaskOwner {
  readonly queued: number;
}

/** Default per-process limit: room for honest big tables, far below V8's own limit on a 64-bit machine. */
export const DEFAULT_PROCESS_MEMORY_MB = 512;
/**
 * Default mark of the node-wide guard, as a fraction of V8's old-space limit: V8 gives up ("ineffective
 * mark-compacts") near 80% of it when little is garbage (a receiver keeping a flood of messages, 128 MB heap).
 */
export const DEFAULT_HEAP_FRACTION = 0.75;
/** After the guard stops a process, the next stop waits this long for the collector to give the memory back (ms). */
const SETTLE_MS = 250;
/**
 * The least a process must be charged with (bytes), or hold in its mailbox (messages), to be the guard's choice:
 * below that it is not what fills the heap, and stopping it would not help.
 */
const MIN_CHARGE = 8 * 1024 * 1024;
const MIN_BACKLOG = 10_000;
/** Above this fraction of the mark every slice is measured (see MemoryGuard.near). */
const NEAR = 0.75;
/** While the heap is low (not armed, not near), the check between batches reads it at most this often (ms). */
const CALM_CHECK_MS = 1;

export interface MemoryLimits {
  /** per-process limit in MB (0: none) */
  processMemoryMb?: number;
  /** the node-wide guard's mark, a fraction of V8's heap limit in (0, 1]; 1 turns the guard off */
  heapFraction?: number;
}

const MB = 1024 * 1024;

/** The guard of the runtime whose scheduler ran the last measured slice (see memoryCheck). */
let active: { checkRunning(): string | undefined } | undefined;
/** memoryCheck's calls, so that it reads the heap on one call in 16 only */
let checks = 0;

/**
 * For code that cannot give way, called where the budget backstop sees plain process-mode code run out of its budget
 * (runtime/core/preempt.ts; a metamethod or library callback looping): the failure message that must end the
 * running process now (raised where no pcall catches it), or undefined. Reads the heap on one call in 16, so about
 * every 32,000 back-edges.
 */
export function memoryCheck(): string | undefined {
  const g = active;
  if (g === undefined) return undefined;
  if (BUDGET.memDue) BUDGET.memDue = false; // a big value was just made (preempt.ts chargeBig)
  else if ((++checks & 15) !== 0) return undefined;
  return g.checkRunning();
}

/**
 * What the heap can hold before V8 gives up: its `heap_size_limit` counts the young generation's reserve too (three
 * semi-spaces of 16 MB with Node 20 on 64-bit, whatever the old space's size), which used_heap_size never reaches —
 * with --max-old-space-size=96 the limit reads 144 MB and V8 dies near 100 MB in use — so the mark is a fraction of
 * the limit without it.
 */
function oldSpaceLimit(): number {
  const limit = v8.getHeapStatistics().heap_size_limit;
  return Math.max(limit - 48 * MB, limit / 4);
}

/** The heap in use now (live objects and garbage not yet collected). */
const heapUsed = (): number => v8.getHeapStatistics().used_heap_size;

BUDGET.mem = memoryCheck;

export class MemoryGuard<P extends Charged> implements SliceMeter<P> {
  /** bytes a process may be charged with (Infinity: no limit) */
  readonly processLimit: number;
  /** the node-wide mark in bytes (Infinity: no guard) */
  readonly heapMark: number;
  private readonly processLimitMb: number;
  /** tasks whose next slice is measured: they ran out of their budget in their last slice */
  private readonly busy = new Set<Task<P>>();
  /** bytes charged to each process that ever ran a measured slice (dead ones are dropped at the next check) */
  private readonly charges = new Map<P, number>();
  /** the scheduler of the running batch: its `current` is the task running (see enter) */
  private sched: { readonly current: Task<P> | undefined } | undefined = undefined;
  /** the heap reading at the start of the running slice, or -1 when it is not measured */
  private sliceStart = -1;
  /** the task sliceStart was read for (a reading taken by checkRunning belongs to that task's slice only) */
  private sliceTask: Task<P> | undefined = undefined;
  /**
   * Whether the heap was near the mark at the last reading: then every slice is measured, not only busy ones (a
   * process can grow by steps that each give way, such as a flood of messages kept by their receiver).
   */
  private near = false;
  /** whether the heap was above the mark at the last reading: spawns are refused meanwhile */
  overMark = false;
  /**
   * Whether busy slices are measured: only while the heap is above `armLevel` (a reading costs ~1 µs, a tenth of a
   * tight loop's slice, so a node using little memory pays nothing). A process cannot pass its limit before the heap
   * passes the arm level, and it is charged from then on: the limit holds to within a quarter.
   */
  private armed = false;
  private readonly armLevel: number;
  /** when the guard last stopped a process (performance.now()), -Infinity before */
  private lastStop = -Infinity;

  constructor(
    limits: MemoryLimits,
    /** stops a process with a failure of this message (the node's exitProcess) */
    private readonly stop: (proc: P, message: string) => void,
    /** every live process, for the guard's last resort (the longest backlog) */
    private readonly procs: () => Iterable<P>,
  ) {
    const mb = limits.processMemoryMb ?? DEFAULT_PROCESS_MEMORY_MB;
    this.processLimitMb = mb;
    this.processLimit = mb > 0 ? mb * MB : Infinity;
    const f = limits.heapFraction ?? DEFAULT_HEAP_FRACTION;
    this.heapMark = f > 0 && f < 1 ? f * oldSpaceLimit() : Infinity;
    this.armLevel = Math.min(this.processLimit / 4, this.heapMark / 2);
  }

  /**
   * At the start of a batch: this guard answers memoryCheck for the tasks of `sched`, and the batch's slices are
   * measured only while armed (a guard arming in the middle of a batch measures from the next one; until then
   * checkRunning measures the slice it sees).
   */
  enter(sched: { readonly current: Task<P> | undefined }): boolean {
    active = this;
    this.sched = sched;
    this.sliceStart = -1;
    this.sliceTask = undefined;
    return this.armed;
  }

  /** At the start of a slice: the heap reading to charge against, or -1 when the slice is not measured. */
  before(task: Task<P>): number {
    this.sliceTask = task;
    if (!this.armed) return (this.sliceStart = -1);
    return (this.sliceStart = this.near || (this.busy.size !== 0 && this.busy.has(task)) ? heapUsed() : -1);
  }

  /**
   * At the end of a slice: charges a measured one (`h0` from before), and records whether the task ran out of its
   * budget (then its next slice is measured).
   */
  after(task: Task<P>, h0: number, outOfBudget: boolean): void {
    if (!this.armed) return;
    // a slice not measured from its start may have been from a memoryCheck on (plain code that could not give way)
    if (h0 < 0) h0 = this.sliceStart;
    if (outOfBudget) this.busy.add(task);
    else if (h0 < 0) return;
    else this.busy.delete(task);
    if (h0 < 0) return;
    const h1 = heapUsed();
    const proc = task.proc;
    const c = Math.max(0, (this.charges.get(proc) ?? 0) + h1 - h0);
    this.charges.set(proc, c);
    if (c > this.processLimit && proc.alive) {
      this.charges.delete(proc);
      this.stop(proc, `process memory limit exceeded (${this.processLimitMb} MB)`);
      return;
    }
    this.checkHeap(h1);
  }

  /** when check last read the heap (performance.now()) */
  private lastCheck = -Infinity;

  /** Between batches of slices: the node-wide guard, and the bookkeeping of processes gone. */
  check(): void {
    // A reading costs ~1 µs. A node that runs a batch per message (one message at a time from another thread, a
    // timer at a time) would pay it per message; while the heap is low, once per millisecond is enough: no batch
    // can take the heap from below the arm level to the mark in that time (a batch that allocates much is slow).
    if (!this.armed && !this.near) {
      const now = performance.now();
      if (now - this.lastCheck < CALM_CHECK_MS) return;
      this.lastCheck = now;
    }
    for (const t of this.busy) if (t.state === 'done') this.busy.delete(t);
    for (const p of this.charges.keys()) if (!p.alive) this.charges.delete(p);
    const h = heapUsed();
    if (h > this.armLevel) this.armed = true;
    else if (h < this.armLevel / 2) {
      // well below: measuring stops (what was charged stays, the processes still hold it as far as the guard knows)
      this.armed = false;
      this.busy.clear();
    }
    this.checkHeap(h);
  }

  /**
   * Whether a spawn must be refused: the heap was above the mark at the last reading. Reads the heap anew every 256
   * spawns, so a spawn bomb (thousands of spawns per batch of slices) is seen within a few hundred processes.
   */
  refuseSpawn(): boolean {
    // only the mark is updated here: the spawner is running, and stopping a process is left to the slice's end
    if ((++this.spawns & 255) === 0 && this.heapMark !== Infinity) this.overMark = heapUsed() > this.heapMark;
    return this.overMark;
  }
  private spawns = 0;

  /** memoryCheck for the task running now (see there). */
  checkRunning(): string | undefined {
    const task = this.sched?.current;
    if (task === undefined || task.state !== 'running') return undefined; // plain code run by the host
    if (task !== this.sliceTask) {
      // the first reading in this slice (its batch was not measured): whatever was read before was another slice's
      this.sliceTask = task;
      this.sliceStart = -1;
    }
    const h = heapUsed();
    if (!this.armed) {
      if (h <= this.armLevel) return undefined;
      // a slice that never ends never reaches check(): arm from here
      this.armed = true;
    }
    if (this.sliceStart < 0) {
      // the slice was not measured from its start (the task was not busy before): it is from now on
      this.sliceStart = h;
      return undefined;
    }
    const proc = task.proc;
    const c = (this.charges.get(proc) ?? 0) + h - this.sliceStart;
    if (c > this.processLimit) return `process memory limit exceeded (${this.processLimitMb} MB)`;
    if (h <= this.heapMark || c < MIN_CHARGE) return undefined;
    for (const [p, other] of this.charges) if (p !== proc && p.alive && other > c) return undefined;
    return 'not enough memory';
  }

  private checkHeap(h: number): void {
    this.near = h > this.heapMark * NEAR;
    if (h <= this.heapMark) {
      this.overMark = false;
      return;
    }
    this.overMark = true;
    const now = performance.now();
    if (now - this.lastStop < SETTLE_MS) return;
    const worst = this.worst();
    if (worst === undefined) return;
    this.lastStop = now;
    this.charges.delete(worst);
    this.stop(worst, 'not enough memory');
  }

  /** The process to stop when the heap is too full: the one charged with the most, else the longest backlog. */
  private worst(): P | undefined {
    let worst: P | undefined;
    let most = MIN_CHARGE;
    for (const [p, c] of this.charges) {
      if (p.alive && c > most) {
        most = c;
        worst = p;
      }
    }
    if (worst !== undefined) return worst;
    most = MIN_BACKLOG;
    for (const p of this.procs()) {
      if (p.queued > most) {
        most = p.queued;
        worst = p;
      }
    }
    return worst;
  }
}
