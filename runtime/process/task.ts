// A task is one Lua thread scheduled by the process scheduler: a process's main function or a coroutine it started
// with coroutine.spawn. Its code runs as a generator (the generator twin of the Lua function). The protocol with the
// code it runs is small (docs/architecture.md, "Suspension"):
//   - `yield PARK`    the task waits; whoever registered it as a waiter calls `scheduler.wake(task, value)` later,
//                     and `value` is what the `yield` returns;
//   - `yield PREEMPT` the task gives way (budget exhausted) and is requeued at the back;
//   - `yield [values]` a coroutine.yield at the task's top level: also just gives way (Wippy spec §3.2).
import type { LuaGen } from '../core/coroutine.js';
import type { Proc } from './proc.js';
import type { Waiter } from './channel.js';

export const PARK: { readonly park: true } = Object.freeze({ park: true as const });

export type TaskState = 'runnable' | 'running' | 'parked' | 'done';

export class Task {
  state: TaskState = 'runnable';
  /** the value the next `gen.next()` receives */
  resume: unknown = undefined;
  /** incremented at each park, so a stale wake-up (a timer of an abandoned select) is ignored */
  parkSeq = 0;
  /**
   * The waiter this task reuses for plain (non-select) channel waits: such a wait ends only when its channel takes
   * the waiter out of its queue, so the object is free again when the task next parks.
   */
  waiter: Waiter | undefined = undefined;
  constructor(
    readonly proc: Proc,
    /** what the scheduler steps; a main task's start wrapper replaces itself by the Lua main's generator */
    public gen: LuaGen,
    /** the process's main task (its return ends the process) */
    readonly main: boolean,
  ) {}
}
