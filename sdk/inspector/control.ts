// The inspector's control actions (docs/inspector.md, "Control" and "Pause and step"): refused unless control is on,
// and then asked of the runtime's permission check as Lua code's own process.terminate / process.cancel are — the
// inspector acting as the host (no calling process) — before anything is done.
import { VirtualTimeScheduler, type SchedulerLike } from 'rxjs';
import type { ProcessNode } from '../../runtime/process/index.js';
import type { InspectOptions } from './server.js';

export interface ActionResult {
  status: number;
  body: Record<string, unknown>;
}

const CONTROL_OFF: ActionResult = { status: 403, body: { error: 'control actions are off (start the inspector with --inspect-control)' } };

/** process.terminate / process.cancel of `pid`, as the host or the configured actor. */
export function controlAction(node: ProcessNode, opts: InspectOptions, pid: string, action: 'terminate' | 'cancel', reason: string): ActionResult {
  if (opts.control !== true) return CONTROL_OFF;
  // no calling process: the inspector acts as host code does
  if (!node.check(`process.${action}`, pid, undefined)) return { status: 403, body: { error: 'permission denied' } };
  const target = node.procs.get(pid);
  if (target === undefined || !target.alive) return { status: 404, body: { error: 'process not found' } };
  if (action === 'terminate') node.terminate(target);
  else node.cancel(undefined, target, reason);
  return { status: 200, body: { ok: true } };
}

/** The clock when it is a virtual one. */
export function virtualClock(time: SchedulerLike): VirtualTimeScheduler | undefined {
  return time instanceof VirtualTimeScheduler ? time : undefined;
}

/**
 * Pause, step or resume a virtual clock. A VirtualTimeScheduler's flush runs the actions due up to `maxFrames`:
 * pausing sets it to the current frame (what is due now still runs, no later timer fires), a step moves it on and
 * flushes, resuming lifts it.
 */
export function timeAction(time: SchedulerLike, opts: InspectOptions, action: 'pause' | 'resume' | 'step', ms: number | undefined): ActionResult {
  if (opts.control !== true) return CONTROL_OFF;
  const clock = virtualClock(time);
  if (clock === undefined) return { status: 409, body: { error: 'the app runs in real time: only a virtual clock can be paused' } };
  if (action === 'resume') clock.maxFrames = Number.POSITIVE_INFINITY;
  else if (action === 'pause') clock.maxFrames = clock.frame;
  else {
    if (ms !== undefined && !(ms >= 0)) return { status: 400, body: { error: 'ms must be a number of milliseconds, 0 or more' } };
    const next = clock.actions.length > 0 ? Math.min(...clock.actions.map((a) => a.delay)) : clock.frame;
    clock.maxFrames = ms === undefined ? Math.max(next, clock.frame) : clock.frame + ms;
    clock.flush();
    clock.frame = Math.max(clock.frame, clock.maxFrames);
  }
  return { status: 200, body: { now: clock.now(), paused: clock.maxFrames !== Number.POSITIVE_INFINITY } };
}
