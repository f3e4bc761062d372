// The inspector's Server-Sent Events (docs/inspector.md, GET /api/events): every FLUSH_MS, what the recorder took
// since the last flush goes to every client in one write — the events in seq order, the newest MESSAGES_PER_FLUSH
// messages (the rest counted in a `skipped` event), and `state` / `hosts` events for what changed. A flush costs
// a few milliseconds at most (a full ring's rates, a hundred previews), a fixed cost per second however busy the app. A client whose
// socket holds more than MAX_UNSENT bytes it could not send yet is dropped, so a slow page never makes the server
// buffer without bound. A client that asks for batches (`?batch=1`, the page) gets each flush as one SSE message whose
// data is the JSON array of its events: a browser dispatches every SSE message to the page's script on its own, and
// a hundred a flush cost the page more than the rendering they lead to. While the app sends more messages than a
// flush carries and every client takes batches (pages), a flush is written every BUSY_FLUSH_MS instead: a page renders
// at most every 500 ms anyway, and a browser on the app's cores takes its parsing time from the app. Nothing runs
// while no client is connected.
import type { ServerResponse } from 'node:http';
import type { ProcessNode } from '../../runtime/process/index.js';
import type { Recorder, RecordedEvent } from './recorder.js';
import { hostsOf, processInfo, stateOf } from './views.js';

export const FLUSH_MS = 200;
/** The flush interval while messages are skipped and every client takes batches (every other tick). */
export const BUSY_FLUSH_MS = 2 * FLUSH_MS;
export const MESSAGES_PER_FLUSH = 100;
/** How long the rates in `state` events are reused (computing them walks the whole message ring). */
const RATES_MS = 1000;
export const MAX_UNSENT = 1 << 20;
/** Past this many processes, `state` events are not computed (a flush would walk them all). */
export const STATE_EVENTS_MAX_PROCS = 2000;
const PING_MS = 15_000;

export class EventStream {
  /** every client, and whether it takes each flush as one batch */
  private readonly clients = new Map<ServerResponse, boolean>();
  private timer: NodeJS.Timeout | undefined = undefined;
  /** the recorder's counts at the last flush */
  private eventsSent = 0;
  private messagesSent = 0;
  private messagesSeen = 0;
  private readonly lastState = new Map<string, string>();
  private lastHosts = '';
  private lastWrite = 0;
  /** clients that take each event as its own SSE message */
  private unbatched = 0;
  /** the last flush left messages out (the app sends more than a flush carries) */
  private busy = false;
  private lastFlush = 0;
  private rates: { at: number; map: Map<string, number> } | undefined = undefined;

  constructor(
    private readonly node: ProcessNode,
    private readonly rec: Recorder,
    private readonly declaredHosts: () => Iterable<string>,
  ) {}

  /**
   * Starts streaming to `res` (from the next flush on: the client has taken a snapshot), each flush as one batch when
   * `batch`.
   */
  add(res: ServerResponse, batch = false): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': moonforge inspector\n\n');
    if (this.clients.size === 0) {
      this.eventsSent = this.rec.eventCount;
      this.messagesSent = this.rec.messageCount;
      this.messagesSeen = this.rec.messageTotal;
      this.lastState.clear();
      this.lastHosts = '';
      this.busy = false;
      this.timer = setInterval(() => this.tick(), FLUSH_MS);
      this.timer.unref();
    }
    this.clients.set(res, batch);
    if (!batch) this.unbatched++;
    res.on('close', () => this.remove(res));
  }

  private remove(res: ServerResponse): void {
    const batched = this.clients.get(res);
    if (batched === undefined) return;
    this.clients.delete(res);
    if (!batched) this.unbatched--;
    if (this.clients.size === 0 && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** An event made outside the recorder (virtual time paused or stepped), sent with the next flush. */
  note(type: string, fields: Record<string, unknown>): void {
    this.rec.note(type, fields);
  }

  private tick(): void {
    // a tick a little early (timers drift) still counts as due
    if (this.busy && this.unbatched === 0 && Date.now() - this.lastFlush < BUSY_FLUSH_MS - FLUSH_MS / 2) return;
    this.flush();
  }

  /** Writes what happened since the last flush to every client. */
  flush(): void {
    if (this.clients.size === 0) return;
    this.lastFlush = Date.now();
    const rec = this.rec;
    const out: { seq: number; text: string }[] = [];
    const now = this.node.sched.now();
    // events other than messages
    const lost = rec.eventCount - this.eventsSent - rec.events.items.length;
    const fresh = rec.events.items.slice(Math.max(0, rec.events.items.length - (rec.eventCount - this.eventsSent)));
    this.eventsSent = rec.eventCount;
    const wall = Date.now();
    if (this.rates === undefined || wall - this.rates.at >= RATES_MS) this.rates = { at: wall, map: rec.rates(now) };
    const rates = this.rates.map;
    for (const e of fresh) out.push({ seq: e.seq, text: JSON.stringify(this.render(e, rates)) });
    const list = rec.messages(this.messagesSent, MESSAGES_PER_FLUSH);
    // messages not sent: those past the flush's share, and those not recorded at all (a busy window)
    const skipped = rec.messageTotal - this.messagesSeen - list.length;
    this.messagesSent = rec.messageCount;
    this.messagesSeen = rec.messageTotal;
    this.busy = skipped > 0;
    for (const m of list) out.push({ seq: m.seq, text: JSON.stringify({ type: 'message', seq: m.seq, at: m.at, message: m }) });
    out.sort((a, b) => a.seq - b.seq);
    if (skipped > 0 || lost > 0) out.push(this.made('skipped', now, { count: skipped + Math.max(0, lost) }));
    this.stateChanges(out, now, rates);
    let chunk: string | undefined;
    let batch: string | undefined;
    if (out.length === 0) {
      if (Date.now() - this.lastWrite < PING_MS) return;
      chunk = batch = ': ping\n\n';
    }
    this.lastWrite = Date.now();
    for (const [res, batched] of this.clients) {
      if (res.writableLength > MAX_UNSENT) {
        // too slow to keep up: drop it rather than hold an ever longer queue for it
        this.remove(res);
        res.destroy();
      } else if (batched) res.write((batch ??= `id: ${out.at(-1)!.seq}\ndata: [${out.map((e) => e.text).join(',')}]\n\n`));
      else res.write((chunk ??= out.map((e) => `id: ${e.seq}\ndata: ${e.text}\n\n`).join('')));
    }
  }

  private made(type: string, at: number, fields: Record<string, unknown>): { seq: number; text: string } {
    const seq = ++this.rec.seq;
    return { seq, text: JSON.stringify({ type, seq, at, ...fields }) };
  }

  /** A recorded event as sent: a spawn's process rendered now (as of this flush). */
  private render(e: RecordedEvent, rates: ReadonlyMap<string, number>): Record<string, unknown> {
    if (e.type !== 'spawn') return e;
    const { proc, ...rest } = e;
    return { ...rest, process: processInfo(this.rec, proc as Parameters<typeof processInfo>[1], rates) };
  }

  /** `state` events for the processes whose state, wait, depth or rate changed; `hosts` when a run queue did. */
  private stateChanges(out: { seq: number; text: string }[], now: number, rates: ReadonlyMap<string, number>): void {
    const procs = this.node.procs;
    if (procs.size <= STATE_EVENTS_MAX_PROCS) {
      const seen = new Set<string>();
      for (const p of procs.values()) {
        const { state, waitingOn } = stateOf(this.rec, p);
        const mailbox = p.queued;
        const rate = rates.get(p.pid) ?? 0;
        const key = `${state}|${waitingOn}|${mailbox}|${rate}`;
        seen.add(p.pid);
        if (this.lastState.get(p.pid) === key) continue;
        this.lastState.set(p.pid, key);
        out.push(this.made('state', now, { pid: p.pid, state, waitingOn, mailbox, rate }));
      }
      for (const pid of this.lastState.keys()) if (!seen.has(pid)) this.lastState.delete(pid);
    }
    const hosts = hostsOf(procs.values(), this.declaredHosts());
    const key = JSON.stringify(hosts);
    if (key !== this.lastHosts) {
      this.lastHosts = key;
      out.push(this.made('hosts', now, { hosts }));
    }
  }

  close(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    for (const res of this.clients.keys()) res.end();
    this.clients.clear();
    this.unbatched = 0;
  }
}
