// What the inspector keeps of a running node (docs/inspector.md): an observer (runtime/process/observe.ts) writing
// into bounded rings. Messages go into a ring of parallel arrays (numbers and the strings the message already holds),
// a few stores each; the envelope itself, for the payload's preview, is kept only for the newest PREVIEWS_PER_WINDOW
// messages of a busy window, so a busy app's ring holds almost no message alive (an object kept from one window to
// the next outlives the young generation, and copying and promoting thousands of them a window was most of what
// recording cost the app). Everything else (spawns, exits, links, names, supervision news) is rare enough to keep as
// event objects in a second ring. Nothing here is rendered until a snapshot or the event stream asks.
import {
  errorText,
  isLuaErrorValue,
  type Envelope,
  type ObservedExit,
  type Proc,
  type ProcessNode,
  type ProcessObserver,
  type SpawnInfo,
  type SupervisorEvent,
  type Task,
} from '../../runtime/process/index.js';
import { preview } from './preview.js';

/** Messages kept (the sequence view's history and the rates' sample). */
export const MESSAGE_RING = 4096;
/**
 * At most MESSAGE_RING messages are recorded per WINDOW_MS; past that, until the next window, messages are only
 * counted. A busy app (ping-pong: a million messages a second) then pays for recording ~4% of its messages, and the
 * ring holds a run of consecutive messages from the last window rather than the last few milliseconds.
 */
export const WINDOW_MS = 100;
/**
 * Envelopes kept per window once a window has recorded this many messages: the newest ones, which the event stream's
 * flushes (MESSAGES_PER_FLUSH), a snapshot and the sequence view show; the older messages of a busy window keep their
 * sender, receiver, topic and time but no payload. A window with fewer messages keeps every envelope.
 */
export const PREVIEWS_PER_WINDOW = 256;
/** Windows of message totals kept for the rates (5 s). */
const RATE_WINDOWS = 50;
/** Other events kept for the stream between two flushes, and exits and restarts kept for snapshots. */
export const EVENT_RING = 2048;
export const EXITS_KEPT = 200;

/** An event of the stream other than a message (docs/inspector.md, GET /api/events). */
export interface RecordedEvent {
  seq: number;
  at: number;
  type: string;
  [field: string]: unknown;
}

export interface ExitRecord {
  pid: string;
  entry: string;
  parent: string | null;
  at: number;
  reason: 'normal' | 'error' | 'terminated' | 'cancelled';
  error: string | null;
  traceback: string | null;
  value: string | null;
}

export interface RestartRecord {
  service: string;
  at: number;
  type: string;
  pid?: string;
  attempt?: number;
  backoffMs?: number;
  error?: string;
}

export interface MessageRecord {
  seq: number;
  at: number;
  from: string | null;
  to: string;
  topic: string;
  event?: string;
  payload?: string;
}

/** What is known of a process beyond the Proc itself. */
interface ProcMeta {
  parent: string | null;
  startedAt: number;
}

/** A bounded FIFO (oldest dropped first). */
class Ring<T> {
  readonly items: T[] = [];
  constructor(private readonly limit: number) {}
  push(v: T): void {
    if (this.items.length >= this.limit) this.items.shift();
    this.items.push(v);
  }
}

export class Recorder implements ProcessObserver<Proc> {
  /**
   * What a waiting process waits on is read from its tasks when a snapshot or a flush looks (Task.waitOn), not
   * reported at every park: the page shows the state at that moment, and a park then costs one store, not a call.
   */
  readonly keepsWaits = true;
  /**
   * Messages are counted by the node (ProcessNode.deliveries) and only the ones this records call `delivered`: past
   * a window's budget a message costs the app an increment, not a call.
   */
  readonly samplesDeliveries = true;
  seq = 0;
  // ---- the message ring: message k (k = count % MESSAGE_RING) is mNum[2k] its seq, mNum[2k+1] its time;
  // mStr[4k..4k+3] its sender's pid ("" for the host), receiver's pid, topic, and an event's kind (undefined for a
  // message): strings the envelope and the processes hold anyway, so storing them makes nothing; mEnv[k] its envelope
  // while it is kept for the payload (see PREVIEWS_PER_WINDOW), else undefined ----
  private readonly mNum = new Float64Array(2 * MESSAGE_RING);
  private readonly mStr: (string | undefined)[] = new Array<string | undefined>(4 * MESSAGE_RING).fill('');
  private readonly mEnv: (Envelope | undefined)[] = new Array<Envelope | undefined>(MESSAGE_RING).fill(undefined);
  /** messages recorded in all */
  private mCount = 0;
  /** the node's count of deliveries when this started (messageTotal counts from there) */
  private readonly base: number;
  /** messages that may still be recorded in this window */
  private budget = MESSAGE_RING;
  /** the runtime's clock and messageTotal at the start of each of the last windows, oldest first */
  private readonly totals: { at: number; total: number }[] = [];
  private readonly window: NodeJS.Timeout;
  private readonly sched: ProcessNode['sched'];

  readonly events = new Ring<RecordedEvent>(EVENT_RING);
  readonly exits = new Ring<ExitRecord>(EXITS_KEPT);
  readonly restarts = new Ring<RestartRecord>(EXITS_KEPT);
  private readonly meta = new WeakMap<Proc, ProcMeta>();
  /** processes sent CANCEL or being terminated, so their exit says why */
  private readonly cancelledProcs = new WeakSet<Proc>();
  private terminating: Proc | undefined = undefined;

  constructor(readonly node: ProcessNode) {
    this.sched = node.sched;
    this.base = node.deliveries;
    this.window = setInterval(() => this.nextWindow(), WINDOW_MS);
    this.window.unref();
    const now = node.sched.now();
    for (const p of node.procs.values()) this.meta.set(p, { parent: null, startedAt: now });
  }

  private now(): number {
    return this.node.sched.coarseNow();
  }

  /** events other than messages recorded in all (the stream tells how many it missed from this) */
  eventCount = 0;

  private event(type: string, fields: Record<string, unknown>): void {
    this.eventCount++;
    this.events.push({ seq: ++this.seq, at: this.now(), type, ...fields });
  }

  /** An event made outside the node (virtual time paused or stepped by the inspector). */
  note(type: string, fields: Record<string, unknown>): void {
    this.event(type, fields);
  }

  // ---- the observer ----

  spawned(proc: Proc, parent: Proc | undefined, _entryId: string, _hostId: string, _opts: SpawnInfo): void {
    this.meta.set(proc, { parent: parent?.pid ?? null, startedAt: this.now() });
    // the process's info is rendered at flush time (it may have exited by then: then from what the event keeps)
    this.event('spawn', { proc });
  }

  exited(proc: Proc, result: ObservedExit): void {
    const error = result.error;
    let reason: ExitRecord['reason'] = error === undefined ? 'normal' : 'error';
    if (this.terminating === proc) {
      reason = 'terminated';
      this.terminating = undefined;
    } else if (error !== undefined && this.cancelledProcs.has(proc)) reason = 'cancelled';
    const exit: ExitRecord = {
      pid: proc.pid,
      entry: proc.entryId,
      parent: this.meta.get(proc)?.parent ?? null,
      at: this.now(),
      reason,
      // an error value's own text; anything else previewed (never through its __tostring: no Lua code runs here)
      error: error === undefined ? null : isLuaErrorValue(error) ? errorText(error) : preview(error),
      traceback: result.traceback ?? null,
      value: error === undefined && result.value !== undefined ? preview(result.value) : null,
    };
    this.exits.push(exit);
    this.event('exit', { exit });
  }

  delivered(to: Proc, env: Envelope): void {
    if (this.budget === 0) {
      // called past the budget only before the node samples for this, or beside another observer of deliveries
      this.node.sampleDeliveries(0);
      return;
    }
    const k = this.mCount++ & (MESSAGE_RING - 1);
    const n = this.mNum;
    n[k << 1] = ++this.seq;
    n[(k << 1) + 1] = this.sched.coarseNow();
    const s = this.mStr;
    const j = k << 2;
    s[j] = env.from;
    s[j + 1] = to.pid;
    s[j + 2] = env.topic;
    s[j + 3] = env.event === undefined ? undefined : kindOf(env.event);
    const e = this.mEnv;
    e[k] = env;
    // a busy window: the envelope PREVIEWS_PER_WINDOW messages back, of this window too, is let go
    if (--this.budget < MESSAGE_RING - PREVIEWS_PER_WINDOW) e[(k - PREVIEWS_PER_WINDOW) & (MESSAGE_RING - 1)] = undefined;
  }

  linked(a: Proc, b: Proc, on: boolean): void {
    this.event(on ? 'link' : 'unlink', { from: a.pid, to: b.pid });
  }

  monitored(watcher: Proc, target: Proc, on: boolean): void {
    this.event(on ? 'monitor' : 'demonitor', { from: watcher.pid, to: target.pid });
  }

  named(proc: Proc, _name: string, _on: boolean): void {
    this.event('name', { pid: proc.pid, names: [...(proc.namesIfAny ?? [])] });
  }

  cancelled(target: Proc, from: Proc | undefined, reason: string): void {
    this.cancelledProcs.add(target);
    this.event('cancel', { from: from?.pid ?? null, to: target.pid, reason });
  }

  terminated(target: Proc, by: Proc | undefined): void {
    this.terminating = target;
    this.event('terminate', { from: by?.pid ?? null, to: target.pid });
  }

  /** A service supervisor's news (sdk/boot-app.ts passes them on). */
  supervision(e: SupervisorEvent): void {
    const r: RestartRecord = { service: e.service, at: e.at, type: e.type };
    if (e.type === 'start') {
      r.pid = e.pid;
      r.attempt = e.attempt;
    } else if (e.type === 'exit') {
      r.pid = e.pid;
      if (e.error !== undefined) r.error = e.error;
    } else if (e.type === 'restart') {
      r.attempt = e.attempt;
      r.backoffMs = Math.round(e.delay);
    } else if (e.type === 'give-up') r.attempt = e.attempts;
    else r.error = e.error;
    this.restarts.push(r);
    this.event('restart', { restart: r });
  }

  // ---- reading ----

  metaOf(proc: Proc): ProcMeta | undefined {
    return this.meta.get(proc);
  }

  /** What the waiting task waits on, as docs/inspector.md names it (`waitingOn`). */
  waitOf(proc: Proc, task: Task): string | null {
    const on = task.waitOn;
    if (on !== undefined) return describeWait(proc, on);
    // not known: a park from before the inspector started, most likely on the inbox (every actor loop's one wait)
    return proc.inbox !== undefined ? 'inbox' : null;
  }

  private nextWindow(): void {
    this.budget = MESSAGE_RING;
    this.node.sampleDeliveries(MESSAGE_RING);
    if (this.totals.length >= RATE_WINDOWS) this.totals.shift();
    this.totals.push({ at: this.sched.now(), total: this.messageTotal });
  }

  /** Stops the window timer (the inspector closes). */
  close(): void {
    clearInterval(this.window);
  }

  /** The number of messages recorded so far. */
  get messageCount(): number {
    return this.mCount;
  }

  /** The number of messages delivered so far, recorded or not. */
  get messageTotal(): number {
    return this.node.deliveries - this.base;
  }

  /**
   * The messages recorded after message number `from` (a messageCount), at most `limit`, the newest ones, oldest
   * first, whose sender and receiver pass `keep`.
   */
  messages(from: number, limit: number, keep?: (from: string, to: string) => boolean): MessageRecord[] {
    const end = this.mCount;
    const start = Math.max(from, end - MESSAGE_RING);
    const idx: number[] = [];
    for (let n = end - 1; n >= start && idx.length < limit; n--) {
      const k = n & (MESSAGE_RING - 1);
      if (keep === undefined || keep(this.mStr[k << 2]!, this.mStr[(k << 2) + 1]!)) idx.push(k);
    }
    const list: MessageRecord[] = [];
    for (let i = idx.length - 1; i >= 0; i--) list.push(this.messageAt(idx[i]!));
    return list;
  }

  private messageAt(k: number): MessageRecord {
    const s = this.mStr;
    const j = k << 2;
    const from = s[j]!;
    const r: MessageRecord = { seq: this.mNum[k << 1]!, at: this.mNum[(k << 1) + 1]!, from: from === '' ? null : from, to: s[j + 1]!, topic: s[j + 2]! };
    const kind = s[j + 3];
    if (kind !== undefined) r.event = kind;
    const env = this.mEnv[k];
    if (env === undefined) return r;
    if (env.event !== undefined) r.payload = preview(env.event);
    else if (env.payloads.length > 0) r.payload = preview(env.payloads.length === 1 ? env.payloads[0] : env.payloads);
    return r;
  }

  /**
   * Messages delivered per second to each pid over the last `windowMs` (docs/inspector.md): each pid's share of the
   * messages recorded in that time, times the rate of all messages delivered (counted whether recorded or not).
   */
  rates(now: number, windowMs = 5000): Map<string, number> {
    const counts = new Map<string, number>();
    const end = this.mCount;
    const start = Math.max(0, end - MESSAGE_RING);
    let oldest = now;
    for (let n = end - 1; n >= start; n--) {
      const k = n & (MESSAGE_RING - 1);
      const at = this.mNum[(k << 1) + 1]!;
      if (at < now - windowMs) break;
      oldest = at;
      const to = this.mStr[(k << 2) + 1]!;
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    let recorded = 0;
    for (const c of counts.values()) recorded += c;
    // the rate of all messages, from the oldest window total within windowMs; before the first window has passed
    // (or on a clock that stood still), the messages recorded over the time the ring covers
    const since = this.totals.find((t) => t.at >= now - windowMs && t.at < now);
    let perSecond: number;
    if (since !== undefined) perSecond = ((this.messageTotal - since.total) * 1000) / (now - since.at);
    else {
      const full = end - start === MESSAGE_RING && oldest > now - windowMs;
      perSecond = (recorded * 1000) / Math.max(full ? now - oldest : windowMs, 1);
    }
    for (const [pid, c] of counts) counts.set(pid, Math.round((c / recorded) * perSecond * 10) / 10);
    return counts;
  }
}

/** An event's kind (docs/inspector.md `event`), read without running Lua code: undefined if it has none. */
function kindOf(event: NonNullable<Envelope['event']>): string | undefined {
  const kind = event.kind;
  return typeof kind === 'string' ? kind : undefined;
}

/** docs/inspector.md `waitingOn` for what a park said it waits on. */
function describeWait(proc: Proc, on: unknown): string {
  if (typeof on === 'string') return on === 'sleep' ? 'timer' : on;
  if (Array.isArray(on)) return 'select';
  if (on === proc.inbox) return 'inbox';
  if (on === proc.events) return 'events';
  const listeners = proc.listenersIfAny;
  if (listeners !== undefined) for (const [topic, l] of listeners) if (l.ch === on) return `topic:${topic}`;
  return 'channel';
}
