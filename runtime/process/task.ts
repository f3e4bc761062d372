// A task is one Lua thread scheduled by the process scheduler: a process's main function or a coroutine it started
// with coroutine.spawn. Its code runs as a generator (the generator twin of the Lua function). The protocol with the
// code it runs is small (docs/architecture.md, "Suspension"):
//   - `yield PARK`    the task waits; whoever registered it as a waiter calls `scheduler.wake(task, value)` later,
//                     and `value` is what the `yield` returns;
//   - `yield PREEMPT` the task gives way (budget exhausted) and is requeued at the back;
//   - `yield [values]` a coroutine.yield at the task's top level: also just gives way (Wippy spec §3.2).
//
// This file is the bottom of the process layers: it imports nothing of runtime/process. The channels (channel.ts)
// wait on tasks through the Waiter protocol below, the scheduler steps tasks and reports to their TaskOwner, and the
// process (proc.ts) is that owner; none of them is needed to describe a task (test/process/layers.test.ts).
// PARK and PREEMPT are the contract's (abi/suspension.ts): compiled code yields them too.
import { PARK } from '../../abi/index.js';
import type { LuaGen } from '../core/coroutine.js';
import { ret2 } from '../core/results.js';

export type TaskState = 'runnable' | 'running' | 'parked' | 'done';

/** What a task belongs to (a process): told when its task ends; `alive` until the process exits. */
export interface TaskOwner {
  readonly alive: boolean;
  taskDone(task: Task, first: unknown): void;
  taskFailed(task: Task, error: unknown): void;
}

/** State shared by the waiters of one select: the first case to fire wins, the others become stale. */
export interface SelectState {
  done: boolean;
}

/**
 * How a wait ended: a value received ('recv'), the channel closed and drained under a receiver ('closed'), the value
 * sent ('sent'), or a send on a channel closed meanwhile ('closed-send'); undefined while waiting.
 */
export type Outcome = 'recv' | 'closed' | 'sent' | 'closed-send' | undefined;

/**
 * A task waiting on a channel. The channel writes the outcome into the waiter itself and wakes the task with it, so
 * a delivery allocates nothing. A plain wait's waiter is the Task itself; each select case has a SelectWaiter
 * (channel.ts). A waiter is in at most one channel queue at a time; `link` chains that queue.
 */
export interface Waiter {
  readonly task: Task;
  /** the task's parkSeq when it parked for this wait */
  readonly token: number;
  readonly sel: SelectState | undefined;
  readonly caseIndex: number;
  /** the value of a waiting sender; for a receiver, the value it got */
  value: unknown;
  outcome: Outcome;
  /** the next waiter of the channel queue this one is in (a circular list, see Channel) */
  link: Waiter | undefined;
}

/** What a parked receive yields to the scheduler (shared: the scheduler only compares the value). */
const PARK_STEP: IteratorResult<unknown, unknown> = Object.freeze({ done: false, value: PARK });

/**
 * The done result of a wait, shared and rewritten for each one: its only reader is the `yield*` that delegates to
 * the task, which reads `done` and `value` at once and keeps nothing (a fresh object per message is GC work).
 */
const DONE_STEP: { done: true; value: unknown } = { done: true, value: undefined };

/**
 * A task. It is also the waiter of its own plain (non-select) channel waits: a task waits on one channel at a time
 * and such a wait ends only when the channel takes it out of its queue, so the wait's state can live in the task —
 * an idle process blocked on its inbox then holds no waiter object. For a parked `receive` the task is also the
 * iterator its `yield*` delegates to: the first step yields PARK, the next one (after the wake-up) returns what the
 * channel filled in. Select cases have waiters of their own (SelectWaiter).
 */
export class Task<O extends TaskOwner = TaskOwner> implements Waiter, Iterator<unknown, unknown, unknown> {
  state: TaskState = 'runnable';
  /** the value the next `gen.next()` receives */
  resume: unknown = undefined;
  /** incremented at each park, so a stale wake-up (a timer of an abandoned select) is ignored */
  parkSeq = 0;
  /**
   * what the task last parked on, kept only while an observer asks for it (observe.ts keepsWaits; undefined otherwise
   * or when not known): read, with `state`, when the inspector looks. Declared, not initialised: the property exists
   * only on tasks that parked while someone asked, so an idle process pays no bytes for it (a field of every task
   * took an idle process over issue 15's 1 KB), and a park pays one store, not a map's (a WeakMap set per park cost
   * ping-pong ~15% with the inspector on).
   */
  declare waitOn?: unknown;
  // ---- the plain wait (Waiter) ----
  /** parkSeq of the wait */
  token = 0;
  /** the value of a waiting sender; for a receiver, the value it got */
  value: unknown = undefined;
  outcome: Outcome = undefined;
  /** the next waiter of the channel queue this task waits in */
  link: Waiter | undefined = undefined;

  constructor(
    /** the process the task runs in */
    readonly proc: O,
    /** what the scheduler steps; a main task's start wrapper replaces itself by the Lua main's generator */
    public gen: LuaGen,
  ) {}

  get task(): Task {
    return this as Task;
  }
  get sel(): undefined {
    return undefined;
  }
  get caseIndex(): number {
    return 0;
  }

  /** Sets up a plain wait on the current park token. */
  waitFor(token: number, value: unknown): this {
    this.token = token;
    this.value = value;
    this.outcome = undefined;
    return this;
  }

  next(): IteratorResult<unknown, unknown> {
    if (this.outcome === undefined) return PARK_STEP;
    DONE_STEP.value = this.received();
    return DONE_STEP;
  }

  /** The results of the plain receive this task waited for (`value, true`, or `nil, false` once closed), taken out. */
  received(): unknown {
    const v = this.value;
    const o = this.outcome;
    this.value = undefined;
    this.outcome = undefined;
    return ret2(v, o === 'recv');
  }

  return(value?: unknown): IteratorResult<unknown, unknown> {
    return { done: true, value };
  }

  throw(e?: unknown): IteratorResult<unknown, unknown> {
    throw e;
  }

  [Symbol.iterator](): this {
    return this;
  }
}
