// A virtual clock for an embedded runtime where only time waits for the host. A VirtualTimeScheduler runs nothing
// until its flush(), so a host that gave `createRuntime` one in tests saw no process run, even one that never touches
// time. Through this wrapper, the scheduler's turns (running ready processes, marked READY_WORK, whatever their delay)
// and work due now (delay 0: a zero-length timer) run on the host's next event-loop turn or when flush() reaches them,
// whichever comes first, and exactly once; work with a delay (sleeps, timers, tickers) still waits for the virtual
// clock to be advanced.
import { VirtualTimeScheduler, type SchedulerAction, type SchedulerLike, type Subscription } from 'rxjs';
import { READY_WORK } from '../runtime/process/index.js';

export class ReadyRunsNow implements SchedulerLike {
  constructor(private readonly clock: VirtualTimeScheduler) {}

  now(): number {
    return this.clock.now();
  }

  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
    if (delay > 0 && state !== READY_WORK) return this.clock.schedule(work, delay, state);
    let done = false;
    const action = this.clock.schedule(
      function (this: SchedulerAction<T>, s?: T) {
        if (done) return;
        done = true;
        clearImmediate(h);
        work.call(this, s);
      },
      delay,
      state,
    );
    const h = setImmediate(() => {
      if (done) return;
      done = true;
      // taken out of the clock's queue: a later flush() must not see it (nor count it as pending work)
      action.unsubscribe();
      work.call(action as SchedulerAction<T>, state);
    });
    action.add(() => clearImmediate(h));
    return action;
  }
}

/** The clock the runtime runs on: a virtual clock lets ready work run without it (above); any other is used as is. */
export const readyRunsNow = (time: SchedulerLike): SchedulerLike => (time instanceof VirtualTimeScheduler ? new ReadyRunsNow(time) : time);
