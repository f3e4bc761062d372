// The process scheduler: a run queue of tasks drained in synchronous batches, giving the host event loop a turn
// between batches. It implements RxJS's SchedulerLike, and every delay (sleep, timers, batch continuation) goes
// through the injected RxJS scheduler, so tests run it in virtual time (VirtualTimeScheduler) with no real sleeps.
import { Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs';
import { BUDGET, BUDGET_SLICE, PREEMPT } from '../core/preempt.js';
import { PARK, Task } from './task.js';

/** Tasks run per batch before the host event loop gets a turn. */
const BATCH = 4096;

export interface TaskOwner {
  taskDone(task: Task, first: unknown): void;
  taskFailed(task: Task, error: unknown): void;
}

export class ProcessScheduler implements SchedulerLike {
  private queue: Task[] = [];
  private head = 0;
  private draining = false;
  private kicked = false;
  /** the task being stepped */
  current: Task | undefined = undefined;

  constructor(readonly time: SchedulerLike) {}

  now(): number {
    return this.time.now();
  }

  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay?: number, state?: T): Subscription {
    return this.time.schedule(work, delay, state);
  }

  /** Makes a task runnable (at the back of the queue). */
  enqueue(task: Task): void {
    task.state = 'runnable';
    this.queue.push(task);
    this.kick();
  }

  /** Marks the current task as about to park and returns the token its waker must present. */
  parkToken(task: Task): number {
    return ++task.parkSeq;
  }

  /** Wakes a parked task with a value for its `yield PARK`; false if it was not waiting on this token. */
  wake(task: Task, value: unknown, token: number): boolean {
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

  private kick(): void {
    if (this.draining || this.kicked) return;
    this.kicked = true;
    this.time.schedule(() => {
      this.kicked = false;
      this.drain();
    }, 0);
  }

  /** Runs queued tasks; after BATCH of them, continues in a later turn of the host. */
  drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      let n = 0;
      while (this.head < this.queue.length) {
        if (n++ >= BATCH) break;
        const task = this.queue[this.head]!;
        this.queue[this.head++] = undefined as unknown as Task;
        if (task.state !== 'runnable') continue;
        this.step(task);
      }
      if (this.head >= this.queue.length) {
        this.queue.length = 0;
        this.head = 0;
      } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
    } finally {
      this.draining = false;
    }
    if (this.head < this.queue.length) this.kick();
  }

  get idle(): boolean {
    return this.head >= this.queue.length;
  }

  private step(task: Task): void {
    this.current = task;
    task.state = 'running';
    BUDGET.n = BUDGET_SLICE;
    const owner = task.proc;
    let r: IteratorResult<unknown, unknown>;
    try {
      const v = task.resume;
      task.resume = undefined;
      r = task.gen.next(v);
    } catch (e) {
      this.current = undefined;
      if (task.state === 'running') task.state = 'done';
      owner.taskFailed(task, e);
      return;
    }
    this.current = undefined;
    if (task.state !== 'running') return; // terminated while running
    if (r.done) {
      task.state = 'done';
      owner.taskDone(task, r.value);
      return;
    }
    if (r.value === PARK) {
      task.state = 'parked';
      return;
    }
    // PREEMPT, or a coroutine.yield at the task's top level: give way to the others.
    void PREEMPT;
    this.enqueue(task);
  }
}

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
    const h = setTimeout(() => work.call(action, state), delay);
    return new Subscription(() => clearTimeout(h));
  }
}
