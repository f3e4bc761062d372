// Go-like channels between the tasks of one process (Wippy spec §3.1): unbuffered (rendezvous) or buffered, close,
// and select over several cases where the first ready case in array order wins. A channel may have a feed: the
// process mailbox feeds inbox/events/listen channels (pull when a receiver comes, offer when a message arrives).
import { LuaUserdata } from '../core/value.js';
import type { LuaTable } from '../core/table.js';
import type { Task } from './task.js';

/** State shared by the waiters of one select: the first case to fire wins, the others become stale. */
export interface SelectState {
  done: boolean;
}

export interface Waiter {
  task: Task;
  token: number;
  sel: SelectState | undefined;
  caseIndex: number;
  /** the value of a waiting sender */
  value: unknown;
}

/** What wakes a waiting receiver: the value and whether it came from a send (false once closed and drained). */
export interface Received {
  caseIndex: number;
  value: unknown;
  ok: boolean;
}

/** Delivery of a value to a waiter: implemented by the scheduler side (wakes the task). */
export type WakeFn = (w: Waiter, r: Received | { caseIndex: number; sent: true } | { error: string }) => boolean;

export interface ChannelFeed {
  /** the next value queued for this channel in the mailbox (removed from the queue), or NO_VALUE */
  pull(ch: Channel): unknown;
}

export const NO_VALUE: unique symbol = Symbol('moonforge.novalue');

export class Channel extends LuaUserdata {
  readonly cap: number;
  private buf: unknown[] = [];
  private bufHead = 0;
  closed = false;
  recvq: Waiter[] = [];
  sendq: Waiter[] = [];
  feed: ChannelFeed | undefined = undefined;

  constructor(
    mt: LuaTable,
    cap: number,
    private readonly wake: WakeFn,
  ) {
    super(mt);
    this.cap = cap;
  }

  get buffered(): number {
    return this.buf.length - this.bufHead;
  }

  private shiftBuf(): unknown {
    const v = this.buf[this.bufHead];
    this.buf[this.bufHead++] = undefined;
    if (this.bufHead === this.buf.length) {
      this.buf.length = 0;
      this.bufHead = 0;
    }
    return v;
  }

  /** A live waiter from a queue (stale select cases are dropped on the way). */
  private static take(q: Waiter[]): Waiter | undefined {
    while (q.length > 0) {
      const w = q.shift()!;
      if (w.sel !== undefined) {
        if (w.sel.done) continue;
        w.sel.done = true;
      }
      if (w.task.parkSeq !== w.token || w.task.state !== 'parked') continue;
      return w;
    }
    return undefined;
  }

  private static hasLive(q: Waiter[]): boolean {
    for (const w of q) {
      if ((w.sel === undefined || !w.sel.done) && w.task.parkSeq === w.token && w.task.state === 'parked') return true;
    }
    return false;
  }

  /** Sends without blocking: to a waiting receiver, else into the buffer. Raises on a closed channel. */
  trySend(v: unknown): boolean | 'closed' {
    if (this.closed) return 'closed';
    return this.offer(v);
  }

  /** Hands `v` to a waiting receiver or buffers it; false if neither is possible now. */
  offer(v: unknown): boolean {
    if (this.closed) return false;
    for (;;) {
      const w = Channel.take(this.recvq);
      if (w === undefined) break;
      if (this.wake(w, { caseIndex: w.caseIndex, value: v, ok: true })) return true;
    }
    if (this.buffered < this.cap) {
      this.buf.push(v);
      return true;
    }
    return false;
  }

  /** Receives without blocking; NO_VALUE when nothing is ready. */
  tryRecv(): { value: unknown; ok: boolean } | typeof NO_VALUE {
    if (this.buffered > 0) {
      const v = this.shiftBuf();
      // A blocked sender can now put its value into the freed slot.
      const w = Channel.take(this.sendq);
      if (w !== undefined) {
        this.buf.push(w.value);
        this.wake(w, { caseIndex: w.caseIndex, sent: true });
      }
      return { value: v, ok: true };
    }
    const w = Channel.take(this.sendq);
    if (w !== undefined) {
      this.wake(w, { caseIndex: w.caseIndex, sent: true });
      return { value: w.value, ok: true };
    }
    if (this.feed !== undefined) {
      const v = this.feed.pull(this);
      if (v !== NO_VALUE) return { value: v, ok: true };
    }
    if (this.closed) return { value: undefined, ok: false };
    return NO_VALUE;
  }

  /** Whether a receive would not block (select readiness), without taking anything. */
  canRecv(): boolean {
    return this.buffered > 0 || Channel.hasLive(this.sendq) || this.closed;
  }

  canSend(): boolean {
    return this.closed || Channel.hasLive(this.recvq) || this.buffered < this.cap;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (let w = Channel.take(this.recvq); w !== undefined; w = Channel.take(this.recvq)) {
      this.wake(w, { caseIndex: w.caseIndex, value: undefined, ok: false });
    }
    for (let w = Channel.take(this.sendq); w !== undefined; w = Channel.take(this.sendq)) {
      this.wake(w, { error: 'send on closed channel' });
    }
  }
}
