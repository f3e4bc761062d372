// What the page knows of the running app: the snapshot it started from with every event since applied. Pure
// functions over plain data (no DOM), so test/inspector-page/ checks them in Node; each returns a new state and
// leaves the old one as it was, which is what lets a preact render compare by identity.
import type { ExitInfo, HostInfo, InspectorEvent, MessageInfo, ProcessInfo, RestartInfo, Snapshot } from './api.js';

/** How much history the page keeps: enough for a screenful of each view, bounded on a busy app. */
export const LIMITS = { timeline: 400, exits: 50, restarts: 50, exitedShown: 40 };

/** One row of the sequence view: a message, or what a process's life did in between. `seq` is the server's. */
export type TimelineItem =
  | { kind: 'message'; seq: number; at: number; from: string | null; to: string; topic: string; payload?: string | null }
  | { kind: 'spawn'; seq: number; at: number; parent: string | null; pid: string; entry: string }
  | { kind: 'exit'; seq: number; at: number; pid: string; reason: string; error: string | null }
  | { kind: 'signal'; seq: number; at: number; from: string | null; to: string; signal: 'cancel' | 'terminate'; reason?: string };

export type ExitedProcess = ProcessInfo & { exit: ExitInfo };

export interface InspectorState {
  node: string;
  now: number;
  /** The last event number applied: the stream's events at or below it are already here. */
  seq: number;
  control: boolean;
  virtualTime: boolean;
  paused: boolean;
  /** Live processes by pid, in spawn order. */
  processes: ReadonlyMap<string, ProcessInfo>;
  /** Processes that ended lately, kept (greyed) in the tree so a crash cascade stays readable. */
  exited: ReadonlyMap<string, ExitedProcess>;
  hosts: readonly HostInfo[];
  exits: readonly ExitInfo[];
  restarts: readonly RestartInfo[];
  timeline: readonly TimelineItem[];
  /** Messages the server did not stream because too many came at once (they are in /api/messages). */
  skipped: number;
}

export function emptyState(): InspectorState {
  return {
    node: '',
    now: 0,
    seq: 0,
    control: false,
    virtualTime: false,
    paused: false,
    processes: new Map(),
    exited: new Map(),
    hosts: [],
    exits: [],
    restarts: [],
    timeline: [],
    skipped: 0,
  };
}

function keepLast<T>(list: readonly T[], item: T, limit: number): T[] {
  const out = list.length >= limit ? list.slice(list.length - limit + 1) : list.slice();
  out.push(item);
  return out;
}

function messageItem(m: MessageInfo): TimelineItem {
  // An event (EXIT, LINK_DOWN, CANCEL) reads as its kind; its payload repeats it.
  if (m.topic === '@events' && m.event) return { kind: 'message', seq: m.seq, at: m.at, from: m.from, to: m.to, topic: m.event };
  return { kind: 'message', seq: m.seq, at: m.at, from: m.from, to: m.to, topic: m.topic, payload: m.payload };
}

/** An ended process as the tree draws it, from what its exit says (a process seen alive keeps what it had). */
function endedProcess(x: ExitInfo, alive: ProcessInfo | undefined): ExitedProcess {
  const base: ProcessInfo = alive ?? { pid: x.pid, entry: x.entry ?? '', host: '', parent: x.parent ?? null, state: 'exited', mailbox: 0 };
  return { ...base, state: 'exited', links: [], monitors: [], exit: x };
}

function withExited(exited: ReadonlyMap<string, ExitedProcess>, p: ExitedProcess): Map<string, ExitedProcess> {
  const m = new Map(exited);
  m.delete(p.pid);
  m.set(p.pid, p);
  while (m.size > LIMITS.exitedShown) m.delete(m.keys().next().value!);
  return m;
}

export function fromSnapshot(s: Snapshot): InspectorState {
  const processes = new Map<string, ProcessInfo>();
  for (const p of s.processes) processes.set(p.pid, p);
  const exits = (s.exits ?? []).slice(-LIMITS.exits);
  let exited: Map<string, ExitedProcess> = new Map();
  for (const x of exits.slice(-LIMITS.exitedShown)) exited = withExited(exited, endedProcess(x, undefined));
  const timeline = (s.messages ?? []).map(messageItem).slice(-LIMITS.timeline);
  return {
    node: s.node ?? '',
    now: s.now,
    seq: s.seq ?? timeline.reduce((n, t) => Math.max(n, t.seq), 0),
    control: s.control === true,
    virtualTime: s.virtualTime === true,
    paused: s.paused === true,
    processes,
    exited,
    hosts: s.hosts,
    exits,
    restarts: (s.restarts ?? []).slice(-LIMITS.restarts),
    timeline,
    skipped: 0,
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

/** `list` with `items` appended, its oldest dropped past `limit`. */
function keepLastAll<T>(list: readonly T[], items: readonly T[], limit: number): T[] {
  const out = list.concat(items);
  return out.length > limit ? out.slice(out.length - limit) : out;
}

/**
 * The state after a batch of events, as applyEvent one by one would leave it, made once: a flush of the stream
 * brings a hundred messages, which would otherwise copy the timeline a hundred times.
 */
export function applyEvents(state: InspectorState, events: readonly InspectorEvent[]): InspectorState {
  let s = state;
  let seq = state.seq;
  let now = state.now;
  let rows: TimelineItem[] = [];
  const addRows = () => {
    if (rows.length === 0) return;
    s = { ...s, timeline: keepLastAll(s.timeline, rows, LIMITS.timeline) };
    rows = [];
  };
  for (const e of events) {
    if (e.seq <= seq) continue;
    seq = e.seq;
    now = Math.max(now, e.at);
    if (e.type === 'message') rows.push(messageItem(e.message));
    else {
      addRows();
      s = applyNew({ ...s, seq, now }, e);
    }
  }
  addRows();
  return s.seq === seq && s.now === now ? s : { ...s, seq, now };
}

/** The state after one event of the stream; an event the state already holds (seq not above its own) is ignored. */
export function applyEvent(state: InspectorState, e: InspectorEvent): InspectorState {
  if (e.seq <= state.seq) return state;
  return applyNew({ ...state, seq: e.seq, now: Math.max(state.now, e.at) }, e);
}

function applyNew(state: InspectorState, e: InspectorEvent): InspectorState {
  const addRow = (item: TimelineItem) => keepLast(state.timeline, item, LIMITS.timeline);
  switch (e.type) {
    case 'spawn': {
      const processes = new Map(state.processes);
      processes.set(e.process.pid, e.process);
      const item: TimelineItem = {
        kind: 'spawn', seq: e.seq, at: e.at, parent: e.process.parent ?? null, pid: e.process.pid, entry: e.process.entry,
      };
      return { ...state, processes, timeline: addRow(item) };
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
      const exit = { ...x, entry: x.entry ?? p?.entry };
      const item: TimelineItem = {
        kind: 'exit', seq: e.seq, at: e.at, pid: x.pid, reason: x.reason ?? (x.error ? 'error' : 'normal'), error: x.error ?? null,
      };
      return {
        ...state,
        processes,
        exited: withExited(state.exited, endedProcess(exit, p)),
        exits: keepLast(state.exits, exit, LIMITS.exits),
        timeline: addRow(item),
      };
    }
    case 'state':
      return withProcess(state, e.pid, (p) => ({
        ...p,
        state: e.state,
        waitingOn: e.waitingOn ?? null,
        mailbox: e.mailbox ?? p.mailbox,
        rate: e.rate ?? p.rate,
      }));
    case 'link':
    case 'unlink': {
      const change = e.type === 'link' ? addPid : dropPid;
      const s = withProcess(state, e.from, (p) => ({ ...p, links: change(p.links, e.to) }));
      return withProcess(s, e.to, (p) => ({ ...p, links: change(p.links, e.from) }));
    }
    case 'monitor':
    case 'demonitor': {
      const change = e.type === 'monitor' ? addPid : dropPid;
      return withProcess(state, e.from, (p) => ({ ...p, monitors: change(p.monitors, e.to) }));
    }
    case 'name':
      return withProcess(state, e.pid, (p) => ({ ...p, names: e.names }));
    case 'message':
      return { ...state, timeline: addRow(messageItem(e.message)) };
    case 'cancel':
    case 'terminate':
      return {
        ...state,
        timeline: addRow({ kind: 'signal', seq: e.seq, at: e.at, from: e.from, to: e.to, signal: e.type, reason: e.type === 'cancel' ? e.reason : undefined }),
      };
    case 'restart':
      return { ...state, restarts: keepLast(state.restarts, e.restart, LIMITS.restarts) };
    case 'hosts':
      return { ...state, hosts: e.hosts };
    case 'skipped':
      return { ...state, skipped: state.skipped + e.count };
    case 'time':
      return { ...state, now: e.now, paused: e.paused };
    default:
      return state;
  }
}

/** The timeline with older messages (from /api/messages) put in their place by seq, each row once. */
export function withHistory(timeline: readonly TimelineItem[], messages: readonly MessageInfo[]): TimelineItem[] {
  const seen = new Set(timeline.map((t) => t.seq));
  const out = [...timeline, ...messages.filter((m) => !seen.has(m.seq)).map(messageItem)];
  return out.sort((a, b) => a.seq - b.seq);
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
