// What the page knows of the running app: the snapshot it started from with every event since applied. Pure
// functions over plain data (no DOM), so test/inspector-page/ checks them in Node; each returns a new state and
// leaves the old one as it was, which is what lets a preact render compare by identity.
import type { ExitInfo, HostInfo, InspectorEvent, MessageInfo, ProcessInfo, RestartInfo, Snapshot } from './api.js';

/** How much history the page keeps: enough for a screenful of each view, bounded on a busy app. */
export const LIMITS = { timeline: 400, exits: 50, restarts: 50, exitedShown: 40 };

/** One row of the sequence view: a message, or what a process's life did in between. */
export type TimelineItem =
  | { kind: 'message'; seq: number; at: number; from: string | null; to: string; topic: string; payload?: string }
  | { kind: 'spawn'; seq: number; at: number; parent: string | null; pid: string; entry: string }
  | { kind: 'exit'; seq: number; at: number; pid: string; reason: string; error: string | null };

export interface InspectorState {
  node: string;
  now: number;
  control: boolean;
  virtualTime: boolean;
  /** Live processes by pid, in spawn order. */
  processes: ReadonlyMap<string, ProcessInfo>;
  /** Processes that ended lately, kept (greyed) in the tree so a crash cascade stays readable. */
  exited: ReadonlyMap<string, ProcessInfo & { exit: ExitInfo }>;
  hosts: readonly HostInfo[];
  exits: readonly ExitInfo[];
  restarts: readonly RestartInfo[];
  timeline: readonly TimelineItem[];
  /** The next sequence number for timeline items the stream does not number (spawns, exits). */
  nextSeq: number;
}

export function emptyState(): InspectorState {
  return {
    node: '',
    now: 0,
    control: false,
    virtualTime: false,
    processes: new Map(),
    exited: new Map(),
    hosts: [],
    exits: [],
    restarts: [],
    timeline: [],
    nextSeq: 0,
  };
}

function keepLast<T>(list: readonly T[], item: T, limit: number): T[] {
  const out = list.length >= limit ? list.slice(list.length - limit + 1) : list.slice();
  out.push(item);
  return out;
}

function messageItem(m: MessageInfo): TimelineItem {
  return { kind: 'message', seq: m.seq, at: m.at, from: m.from, to: m.to, topic: m.topic, payload: m.payload };
}

export function fromSnapshot(s: Snapshot): InspectorState {
  const processes = new Map<string, ProcessInfo>();
  for (const p of s.processes) processes.set(p.pid, p);
  const timeline = (s.messages ?? []).map(messageItem).slice(-LIMITS.timeline);
  const lastSeq = timeline.reduce((n, t) => Math.max(n, t.seq), -1);
  return {
    node: s.node ?? '',
    now: s.now,
    control: s.control === true,
    virtualTime: s.virtualTime === true,
    processes,
    exited: new Map(),
    hosts: s.hosts,
    exits: (s.exits ?? []).slice(-LIMITS.exits),
    restarts: (s.restarts ?? []).slice(-LIMITS.restarts),
    timeline,
    nextSeq: lastSeq + 1,
  };
}

function withProcess(state: InspectorState, pid: string, change: (p: ProcessInfo) => ProcessInfo): InspectorState {
  const p = state.processes.get(pid);
  if (!p) return state;
  const processes = new Map(state.processes);
  processes.set(pid, change(p));
  return { ...state, processes };
}

function addPid(list: readonly string[] | undefined, pid: string): string[] {
  return list?.includes(pid) ? list.slice() : [...(list ?? []), pid];
}

function dropPid(list: readonly string[] | undefined, pid: string): string[] {
  return (list ?? []).filter((p) => p !== pid);
}

/** The state after one event of the stream. */
export function applyEvent(state: InspectorState, e: InspectorEvent): InspectorState {
  const now = Math.max(state.now, e.at);
  switch (e.type) {
    case 'spawn': {
      const processes = new Map(state.processes);
      processes.set(e.process.pid, e.process);
      const item: TimelineItem = {
        kind: 'spawn', seq: state.nextSeq, at: e.at, parent: e.process.parent ?? null, pid: e.process.pid, entry: e.process.entry,
      };
      return { ...state, now, processes, timeline: keepLast(state.timeline, item, LIMITS.timeline), nextSeq: state.nextSeq + 1 };
    }
    case 'exit': {
      const x = e.exit;
      const p = state.processes.get(x.pid);
      const processes = new Map(state.processes);
      processes.delete(x.pid);
      // A link or monitor to an ended process is gone with it.
      for (const [pid, q] of processes) {
        if (q.links?.includes(x.pid) || q.monitors?.includes(x.pid)) {
          processes.set(pid, { ...q, links: dropPid(q.links, x.pid), monitors: dropPid(q.monitors, x.pid) });
        }
      }
      let exited = state.exited;
      if (p) {
        const m = new Map(exited);
        m.set(x.pid, { ...p, state: 'exited', exit: x });
        while (m.size > LIMITS.exitedShown) m.delete(m.keys().next().value!);
        exited = m;
      }
      const item: TimelineItem = {
        kind: 'exit', seq: state.nextSeq, at: e.at, pid: x.pid, reason: x.reason ?? (x.error ? 'error' : 'normal'), error: x.error ?? null,
      };
      return {
        ...state,
        now,
        processes,
        exited,
        exits: keepLast(state.exits, { ...x, entry: x.entry ?? p?.entry }, LIMITS.exits),
        timeline: keepLast(state.timeline, item, LIMITS.timeline),
        nextSeq: state.nextSeq + 1,
      };
    }
    case 'state':
      return {
        ...withProcess(state, e.pid, (p) => ({
          ...p,
          state: e.state,
          waitingOn: e.waitingOn ?? null,
          mailbox: e.mailbox ?? p.mailbox,
          rate: e.rate ?? p.rate,
        })),
        now,
      };
    case 'link':
    case 'unlink': {
      const change = e.type === 'link' ? addPid : dropPid;
      let s = withProcess(state, e.from, (p) => ({ ...p, links: change(p.links, e.to) }));
      s = withProcess(s, e.to, (p) => ({ ...p, links: change(p.links, e.from) }));
      return { ...s, now };
    }
    case 'monitor':
    case 'demonitor': {
      const change = e.type === 'monitor' ? addPid : dropPid;
      return { ...withProcess(state, e.from, (p) => ({ ...p, monitors: change(p.monitors, e.to) })), now };
    }
    case 'name':
      return { ...withProcess(state, e.pid, (p) => ({ ...p, names: e.names })), now };
    case 'message': {
      const item = messageItem(e.message);
      return { ...state, now, timeline: keepLast(state.timeline, item, LIMITS.timeline), nextSeq: Math.max(state.nextSeq, item.seq + 1) };
    }
    case 'restart':
      return { ...state, now, restarts: keepLast(state.restarts, e.restart, LIMITS.restarts) };
    case 'hosts':
      return { ...state, now, hosts: e.hosts };
    default:
      return state;
  }
}

/** A short label for a pid: its first registered name, else its entry and the local part of the pid. */
export function processLabel(p: ProcessInfo | undefined, pid: string): string {
  if (p?.names && p.names.length > 0) return p.names[0]!;
  const local = /\|([^}]*)\}?$/.exec(pid)?.[1] ?? pid;
  return p ? `${p.entry.replace(/^.*:/, '')} ${local}` : local;
}

/** A process by pid, live or lately ended. */
export function findProcess(state: InspectorState, pid: string): ProcessInfo | undefined {
  return state.processes.get(pid) ?? state.exited.get(pid);
}
