// The process scheduler: a run queue of tasks drained in synchronous batches, giving the host event loop a turn
// between batches. It implements RxJS's SchedulerLike, and every delay (sleep, timers, batch continuation) goes
// through the injected RxJS scheduler, so tests run it in virtual time (VirtualTimeScheduler) with no real sleeps.
import type { SchedulerAction, SchedulerLike } from 'rxjs';
// the class alone, not rxjs's index (process-runtime.ts says why)
import { Subscription } from 'rxjs/internal/Subscription';
import { PARK, PREEMPT } from '../../abi/index.js';
import { BUDGET, BUDGET_SLICE, DEFAULT_MAX_RUN_MS } from '../core/preempt.js';
import type { Task, TaskOwner } from './task.js';
import { TAIL } from '../core/call.js';
import { bounceY } from '../core/coroutine.js';
import { READY_WORK } from './ready-work.js';
import type { TaskEvent } from './observe.js';

/** Tasks run per batch before the host event loop gets a turn. */
const BATCH = 4096;
/** Budget-exhausted slices per batch: a spinning process gives the host a turn every few ms, not every 4096 slices. */
const BUSY_BATCH = 256;
/** Real time (ms) after which a batch with spinning tasks gives the host a turn, however few slices it ran. */
const BUSY_BATCH_MS = 10;

/** Measures the slices of tasks (memory-guard.ts's limits): around each slice, and after each batch. */
export interface SliceMeter<O extends TaskOwner> {
  /**
   * At the start of a batch, with the scheduler whose `current` task is the one running: whether this batch's slices
   * are measured (before/after called around each). Read once per batch, so a node far from its memory limits pays
   * one call per batch, not two per slice (ping-pong runs ~80 ns slices).
   */
  enter(sched: { readonly current: Task<O> | undefined }): boolean;
  /** before a slice of `task`: a heap reading to pass to after, or -1 when the slice is not measured */
  before(task: Task<O>): number;
  /** after that slice; `spun`: it ran out of its budget */
  after(task: Task<O>, h0: number, spun: boolean): void;
  /** between batches */
  check(): void;
}

/** Initial run queue capacity (a power of two; the queue doubles when full). */
const QUEUE_CAP = 1024;

/** Steps the tasks of owners of type O (the node's processes); knows a task's owner only as a TaskOwner. */
export class ProcessScheduler<O extends TaskOwner = TaskOwner> implements SchedulerLike {
  /**
   * The run queue, a ring buffer (capacity a power of two): `head` is the next task, `size` how many are queued. An
   * array used as a queue and reset when drained grows its backing store anew every batch (4096 slots pushed one by
   * one), a steady allocation per message in ping-pong; the ring is allocated once and only grows.
   */
  private queue: (Task<O> | undefined)[] = new Array<Task<O> | undefined>(QUEUE_CAP).fill(undefined);
  private mask = QUEUE_CAP - 1;
  private head = 0;
  private size = 0;
  private draining = false;
  private kicked = false;
  /** the task being stepped */
  current: Task<O> | undefined = undefined;
  /** the memory limits (memory-guard.ts): measures busy slices, checks the heap after each batch; set by the node */
  memory: SliceMeter<O> | undefined = undefined;
  /** the task-state hooks of the node's observers (observe.ts); undefined when nobody watches them */
  onTask: ((task: Task, state: TaskEvent) => void) | undefined = undefined;
  onParked: ((task: Task, on: unknown) => void) | undefined = undefined;
  /** whether a park stores what it waits on in the task (observe.ts ProcessObserver.keepsWaits) */
  keepWaits = false;
  /** onParked !== undefined || keepWaits: the one check a park makes when nobody watches */
  parksWatched = false;
  /** the clock at the start of the running batch (NaN between batches), see coarseNow */
  private batchStart = NaN;
  /** whether a task gave way at its budget in the current batch */
  private preempted = false;
  constructor(
    readonly time: SchedulerLike,
    /** the liveness backstop: how long (ms) a task may run without giving way (runtime/core/preempt.ts) */
    readonly maxRunMs: number = DEFAULT_MAX_RUN_MS,
  ) {}

  now(): number {
    return this.time.now();
  }

  /**
   * The clock as of the start of the running batch (a few milliseconds at most), else now: for second-resolution
   * timestamps made in bulk (the `at` of EXIT notices), where reading the clock per notice is a measurable cost.
   */
  coarseNow(): number {
    const t = this.batchStart;
    return t === t ? t : this.time.now();
  }

  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay?: number, state?: T): Subscription {
    return this.time.schedule(work, delay, state);
  }

  /** Makes a task runnable (at the back of the queue). */
  enqueue(task: Task<O>): void {
    task.state = 'runnable';
    const o = this.onTask;
    if (o !== undefined) o(task, 'ready');
    if (this.size > this.mask) this.grow();
    this.queue[(this.head + this.size) & this.mask] = task;
    this.size++;
    if (!this.draining) this.kick();
  }

  /** Doubles the ring, unrolling it so the oldest task is at 0. */
  private grow(): void {
    const old = this.queue;
    const n = old.length;
    const q = new Array<Task<O> | undefined>(n * 2).fill(undefined);
    for (let i = 0; i < n; i++) q[i] = old[(this.head + i) & this.mask];
    this.queue = q;
    this.head = 0;
    this.mask = n * 2 - 1;
  }

  /**
   * Marks the current task as about to park and returns the token its waker must present; `on` says what it waits
   * on, for observers only (observe.ts ProcessObserver.parked and keepsWaits).
   */
  parkToken(task: Task, on?: unknown): number {
    // one check when nobody watches parks
    if (this.parksWatched) {
      if (this.keepWaits) task.waitOn = on;
      const o = this.onParked;
      if (o !== undefined) o(task, on);
    }
    return ++task.parkSeq;
  }

  /** Wakes a parked task with a value for its `yield PARK`; false if it was not waiting on this token. */
  wake(task: Task<O>, value: unknown, token: number): boolean {
    if (task.state !== 'parked' || task.parkSeq !== token) return false;
    task.parkSeq++;
    task.resume = value;
    this.enqueue(task);
    return true;
  }

  /** Takes a task out of the scheduler for good (its process ended). */
  drop(task: Task): void {
    task.state = 'done';
    task.parkSeq++;
  }

  private kick(delay = 0): void {
    if (this.draining || this.kicked) return;
    this.kicked = true;
    this.time.schedule(
      () => {
        this.kicked = false;
        this.drain();
      },
      delay,
      READY_WORK,
    );
  }

  /**
   * Runs `deliver` (which may make tasks runnable) and then the tasks at once, in this turn of the host, rather than
   * in the turn setImmediate gives: for a thread woken by a message from another thread (a worker port's batch, see
   * PortTransport.runDeliveries), where that wait is a microsecond or more of each hop's latency. While `deliver`
   * runs, a task made runnable schedules no turn of its own.
   */
  runAfter(deliver: () => void): void {
    if (this.draining) return deliver();
    this.draining = true;
    try {
      deliver();
    } finally {
      this.draining = false;
    }
    if (this.size > 0) this.drain();
  }

  /** Runs queued tasks; after BATCH of them, continues in a later turn of the host. */
  drain(): void {
    if (this.draining) return;
    this.draining = true;
    this.preempted = false;
    const t0 = this.time.now();
    const wall = performance.now();
    this.batchStart = t0;
    try {
      let n = 0;
      let busy = 0;
      const mem = this.memory;
      const measured = mem !== undefined && mem.enter(this);
      while (this.size > 0) {
        if (n++ >= BATCH || busy >= BUSY_BATCH) break;
        const q = this.queue;
        const h = this.head;
        const task = q[h]!;
        q[h] = undefined;
        this.head = (h + 1) & this.mask;
        this.size--;
        if (task.state !== 'runnable') continue;
        let spun: boolean;
        if (measured) {
          const h0 = mem!.before(task);
          spun = this.step(task);
          mem!.after(task, h0, spun);
        } else spun = this.step(task);
        // a batch of expensive slices (each a caught stack overflow, a long pattern match) ends early too: the host's
        // timers (other processes' sleeps) must not wait for 256 of them
        if (spun) {
          busy++;
          if (performance.now() - wall > BUSY_BATCH_MS) break;
        }
      }
      mem?.check();
      // a ring that grew for a burst (100,000 spawns at once) is given back once it is empty
      if (this.size === 0 && this.queue.length > QUEUE_CAP) {
        this.queue = new Array<Task<O> | undefined>(QUEUE_CAP).fill(undefined);
        this.mask = QUEUE_CAP - 1;
        this.head = 0;
      }
    } finally {
      this.draining = false;
      this.batchStart = NaN;
    }
    // Tasks that spun through their budget leave the next batch due 1 ms later when the clock did not move during
    // this one: a virtual clock (tests) moves only when nothing is due now, so spinning processes would freeze it and
    // every timer with it (such as the sleep of the process that means to terminate the spinner). A real clock moves
    // by itself during a busy batch (thousands of slices), so real runs keep delay 0.
    if (this.size > 0) this.kick(this.preempted && this.time.now() === t0 ? 1 : 0);
  }

  get idle(): boolean {
    return this.size === 0;
  }

  /** Runs one slice of `task`; true if it spun through its budget. */
  private step(task: Task<O>): boolean {
    this.current = task;
    task.state = 'running';
    const o = this.onTask;
    if (o !== undefined) o(task, 'running');
    BUDGET.n = BUDGET_SLICE;
    BUDGET.t = 0;
    BUDGET.limit = this.maxRunMs;
    const owner = task.proc;
    let r: IteratorResult<unknown, unknown>;
    try {
      const v = task.resume;
      task.resume = undefined;
      r = task.gen.next(v);
      // A body that ended in a deferred tail call continues in the callee, still in this task.
      while (r.done === true && r.value === TAIL) {
        task.gen = bounceY();
        r = task.gen.next();
      }
    } catch (e) {
      this.current = undefined;
      BUDGET.limit = 0;
      if (task.state === 'running') task.state = 'done';
      owner.taskFailed(task, e);
      return false;
    }
    this.current = undefined;
    BUDGET.limit = 0; // plain code run outside a task (a host's call) is not timed
    if (task.state !== 'running') return false; // terminated while running
    if (r.done) {
      task.state = 'done';
      owner.taskDone(task, r.value);
      return false;
    }
    if (r.value === PARK) {
      task.state = 'parked';
      return false;
    }
    // PREEMPT, or a coroutine.yield at the task's top level: give way to the others.
    this.enqueue(task);
    if (r.value !== PREEMPT) return false;
    this.preempted = true;
    return true;
  }
}

/**
 * setTimeout's longest delay (2^31 - 1 ms, ~24.8 days): Node runs a longer one after 1 ms, with a warning on stderr,
 * so `time.after("100000h")` fired at once and a call's `timeout = 1e308` timed it out at once.
 */
const MAX_TIMER_MS = 0x7fffffff;

/** Real time for Node: delay 0 runs at setImmediate (after I/O), other delays with setTimeout. */
export class NodeTimeScheduler implements SchedulerLike {
  now(): number {
    return Date.now();
  }

  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
    const action = { schedule: () => new Subscription() } as unknown as SchedulerAction<T>;
    if (delay <= 0) {
      const h = setImmediate(() => work.call(action, state));
      return new Subscription(() => clearImmediate(h));
    }
    if (delay <= MAX_TIMER_MS) {
      const h = setTimeout(() => work.call(action, state), delay);
      return new Subscription(() => clearTimeout(h));
    }
    // longer: wait in steps of the longest delay until the due time (an infinite one never comes)
    const due = Date.now() + delay;
    let h: NodeJS.Timeout;
    const arm = (left: number): void => {
      h = setTimeout(() => {
        const rest = due - Date.now();
        if (rest > 0) arm(rest);
        else work.call(action, state);
      }, Math.min(left, MAX_TIMER_MS));
    };
    arm(delay);
    return new Subscription(() => clearTimeout(h));
  }
}
