// The JSON views of docs/inspector.md, made from the node and the recorder when asked (a snapshot, one process, a
// flush of the event stream): ProcessInfo, HostInfo and the process details.
import type { Proc, Task } from '../../runtime/process/index.js';
import type { Recorder } from './recorder.js';
import { preview } from './preview.js';

export interface ProcessInfo {
  pid: string;
  entry: string;
  host: string;
  parent: string | null;
  state: 'running' | 'ready' | 'waiting';
  waitingOn: string | null;
  tasks: number;
  mailbox: number;
  rate: number;
  names: string[];
  links: string[];
  monitors: string[];
  actor: string | null;
  scope: string[] | null;
  startedAt: number;
  trapLinks: boolean;
}

export interface HostInfo {
  name: string;
  runQueue: number;
  processes: number;
}

/** A process's live tasks, the main one first. */
export function tasksOf(proc: Proc): Task[] {
  const out: Task[] = [];
  if (proc.mainTask !== undefined) out.push(proc.mainTask);
  const others = proc.otherTasksIfAny;
  if (others !== undefined) for (const t of others) out.push(t);
  return out;
}

/** state and waitingOn: running or ready if any task is, else waiting on what the main (or first) task waits on. */
export function stateOf(rec: Recorder, proc: Proc): { state: ProcessInfo['state']; waitingOn: string | null } {
  const tasks = tasksOf(proc);
  let parked: Task | undefined;
  let ready = false;
  for (const t of tasks) {
    if (t.state === 'running') return { state: 'running', waitingOn: null };
    if (t.state === 'runnable') ready = true;
    else if (t.state === 'parked') parked ??= t;
  }
  if (ready || parked === undefined) return { state: 'ready', waitingOn: null };
  return { state: 'waiting', waitingOn: rec.waitOf(proc, parked) };
}

export function processInfo(rec: Recorder, proc: Proc, rates: ReadonlyMap<string, number>): ProcessInfo {
  const meta = rec.metaOf(proc);
  const { state, waitingOn } = stateOf(rec, proc);
  const sec = proc.security;
  return {
    pid: proc.pid,
    entry: proc.entryId,
    host: proc.hostId,
    parent: meta?.parent ?? null,
    state,
    waitingOn,
    tasks: tasksOf(proc).length,
    mailbox: proc.queued,
    rate: rates.get(proc.pid) ?? 0,
    names: [...(proc.namesIfAny ?? [])],
    links: [...(proc.linksIfAny ?? [])].map((p) => p.pid),
    monitors: [...(proc.monitoringIfAny ?? [])].map((p) => p.pid),
    actor: sec?.actor?.id ?? null,
    scope: sec?.scope === undefined ? null : sec.scope.policies().map((p) => p.id),
    startedAt: meta?.startedAt ?? 0,
    trapLinks: proc.trapLinks,
  };
}

/** Every host with live processes, and the hosts the runtime declares, with their run queues. */
export function hostsOf(procs: Iterable<Proc>, declared: Iterable<string>): HostInfo[] {
  const hosts = new Map<string, HostInfo>();
  for (const name of declared) hosts.set(name, { name, runQueue: 0, processes: 0 });
  for (const p of procs) {
    const name = p.hostId;
    let h = hosts.get(name);
    if (h === undefined) hosts.set(name, (h = { name, runQueue: 0, processes: 0 }));
    h.processes++;
    for (const t of tasksOf(p)) if (t.state === 'runnable') h.runQueue++;
  }
  return [...hosts.values()];
}

/** The topics of what waits in `proc`'s mailbox, oldest first (at most `limit`). */
export function queuedTopics(proc: Proc, limit: number): string[] {
  return proc.queuedEnvelopes(limit).map((e) => e.topic);
}

/** The context values, each as a preview. */
export function contextOf(proc: Proc): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of proc.context) out[k] = preview(v);
  return out;
}
