// The observation tap (issue 17): what the node, the mailboxes and the scheduler report to whoever watches a
// runtime — the inspector (sdk/inspector/) and tracing. Every report point is one `undefined` check of the node's
// (or scheduler's) `observer` field when nothing watches, and allocates nothing; a watcher that leaves a hook out
// (say, task states) is not called for it, so it pays only for what it reads.
//
// This file sits below mailbox.ts in the process layers: it names processes only through the type parameter P
// (a Proc for the node), so it imports nothing above task.ts and message.ts.
import type { Envelope, TraceContext } from './message.js';
import type { Task } from './task.js';

/** A task's state change other than a park: queued to run, or stepped. */
export type TaskEvent = 'ready' | 'running';

/** How a process ended (proc.ts ExitResult has this shape). */
export interface ExitInfo {
  readonly value: unknown;
  /** the error value of an abnormal exit; undefined for a normal one */
  readonly error: unknown;
  /** the Lua traceback of an uncaught error */
  readonly traceback?: string;
  /** a process of a peer (a stand-in's end): the trace context it ended in there, when tracing is on there */
  readonly trace?: TraceContext;
}

/** What a spawn made together with the process (made before it ran). */
export interface SpawnInfo {
  readonly link?: boolean;
  readonly monitor?: boolean;
  readonly name?: string;
  /**
   * a spawn a peer asked for (runtime/distrib/remote.ts): the trace context its spawner was in there, which the
   * child's lifetime continues (tracing); absent otherwise
   */
  readonly trace?: TraceContext;
}

/**
 * A watcher of a node. Every hook is optional; each is called synchronously at the point it names, inside the
 * runtime, so it must be quick, must not throw, and must not call back into the process operations.
 */
export interface ProcessObserver<P = unknown> {
  /** A process was made (`parent` undefined for host code); its links, monitor and name are already in place. */
  spawned?(proc: P, parent: P | undefined, entryId: string, hostId: string, opts: SpawnInfo): void;
  /** A process ends; called first, while its links, monitors and names can still be read. */
  exited?(proc: P, result: ExitInfo): void;
  /**
   * A message or event (EVENTS_TOPIC) entered the mailbox of live process `to`; `env.from` is the sender's pid ("" for
   * the host). It is handed over at once when the process waits for it; otherwise `taken` follows when it is.
   */
  delivered?(to: P, env: Envelope): void;
  /** A message that had to wait in the mailbox was handed to the process. */
  taken?(proc: P, env: Envelope): void;
  /** process.link (`on`) or unlink between `a` (the caller) and `b`. */
  linked?(a: P, b: P, on: boolean): void;
  /** `watcher` started (`on`) or stopped monitoring `target`. */
  monitored?(watcher: P, target: P, on: boolean): void;
  /** `name` was registered to (`on`) or released by `proc` (an exit releases its names without this call). */
  named?(proc: P, name: string, on: boolean): void;
  /** A task was queued to run ('ready') or is being stepped ('running'): twice per step, the busiest hook. */
  task?(task: Task, state: TaskEvent): void;
  /**
   * A task is about to park (wait). `on` is what it waits on: a channel object (the process's inbox or events
   * channel, a listener's, or any other), an array (the cases of a select), or a word: 'sleep', 'call', 'exec',
   * 'io', 'crypto', 'registry'; undefined when the park site did not say.
   */
  parked?(task: Task, on: unknown): void;
  /**
   * Not a hook but a wish: while this observer is attached, every park stores what it waits on in the task
   * (Task.waitOn, read when needed: a snapshot) rather than calling anything. The inspector shows a process's wait
   * as it is when it looks, not each change, so this costs a park one store where `parked` costs a call.
   */
  readonly keepsWaits?: boolean;
  /**
   * Not a hook but a wish: `delivered` is a sample. While this is the only observer with `delivered`, the node
   * counts every delivery itself (ProcessNode.deliveries, an increment where the mailbox reports) and calls
   * `delivered` only while ProcessNode.deliveryBudget, which this observer refills (sampleDeliveries), lasts: past it
   * a delivery costs no call. Beside another observer with `delivered` every delivery is reported.
   */
  readonly samplesDeliveries?: boolean;
  /** `from` (undefined: the host) sent CANCEL to `target`. */
  cancelled?(target: P, from: P | undefined, reason: string): void;
  /** `target` is being terminated by `by` (undefined: the host); its exit follows. */
  terminated?(target: P, by: P | undefined): void;
  /**
   * Not a report but a question (tracing answers it): the trace context of what `proc` is doing now (undefined: host
   * code), for a spawn on a peer to carry, as a local spawn's child continues it. Asked only by the remote layer.
   */
  traceContext?(proc: P | undefined): TraceContext | undefined;
}

type Hook = keyof ProcessObserver;
const HOOKS: readonly Hook[] = ['spawned', 'exited', 'delivered', 'taken', 'linked', 'monitored', 'named', 'task', 'parked', 'cancelled', 'terminated'];

/**
 * The one observer a node calls for a list of them: undefined for none (the zero-cost case), the observer itself for
 * one, else an object whose hooks call, in order, those of the observers that have them (a hook nobody has stays
 * absent, so its report point costs nothing more than when nothing watches).
 */
export function mergeObservers<P>(list: readonly ProcessObserver<P>[]): ProcessObserver<P> | undefined {
  if (list.length === 0) return undefined;
  if (list.length === 1) return list[0];
  const merged: Record<string, (...args: unknown[]) => void> = {};
  for (const hook of HOOKS) {
    const fns = list.filter((o) => o[hook] !== undefined).map((o) => (o[hook] as (...a: unknown[]) => void).bind(o));
    if (fns.length === 0) continue;
    merged[hook] =
      fns.length === 1
        ? fns[0]!
        : (...args: unknown[]) => {
            for (const f of fns) f(...args);
          };
  }
  if (list.some((o) => o.keepsWaits === true)) (merged as { keepsWaits?: boolean }).keepsWaits = true;
  // the question: the first observer that answers it
  const askers = list.filter((o) => o.traceContext !== undefined);
  if (askers.length > 0) {
    merged.traceContext = (proc: unknown) => {
      for (const o of askers) {
        const tc = o.traceContext!(proc as P);
        if (tc !== undefined) return tc;
      }
      return undefined;
    };
  }
  return merged as ProcessObserver<P>;
}

/**
 * Who a delivery reports to: the one observer with a `delivered` hook itself, so its own method is called directly
 * (monomorphic, inlinable: no bound function or fan-out between), else `merged` when several have it, else nobody.
 */
export function deliveredBy<P>(list: readonly ProcessObserver<P>[], merged: ProcessObserver<P> | undefined): ProcessObserver<P> | undefined {
  const having = list.filter((o) => o.delivered !== undefined);
  if (having.length === 0) return undefined;
  return having.length === 1 ? having[0] : merged;
}
