// Go-like channels between the tasks of one process (Wippy spec §3.1): unbuffered (rendezvous) or buffered, close,
// and select over several cases where the first ready case in array order wins. A channel may have a feed: the
// process mailbox feeds inbox/events/listen channels (pull when a receiver comes, offer when a message arrives).
import { LuaUserdata } from '../core/value.js';
import type { LuaTable } from '../core/table.js';
import { PARK, type Task } from './task.js';
import { ret2 } from '../core/results.js';

/** State shared by the waiters of one select: the first case to fire wins, the others become stale. */
export interface SelectState {
  done: boolean;
}

/** What a parked receive yields to the scheduler (shared: the scheduler only compares the value). */
const PARK_STEP: IteratorResult<unknown, unknown> = Object.freeze({ done: false, value: PARK });

/**
 * A task waiting on a channel (one per select case). The channel writes the outcome into the waiter itself and wakes
 * the task with it, so a delivery allocates nothing beyond the waiter the task made when it parked. A task reuses one
 * waiter for its plain waits, and that waiter is also the iterator a parked `receive` hands to `yield*` (see
 * `parkedReceive`): first step yields PARK, the next one returns what the channel filled in.
 */
export class Waiter implements Iterator<unknown, unknown, unknown> {
  /** receiver: true for a sent value, false once closed and drained */
  ok = false;
  /** how the wait ended: a value received, the value sent, or an error (send on a channel closed meanwhile) */
  outcome: 'recv' | 'sent' | 'closed-send' | undefined = undefined;
  /** as a receive iterator: true once it has yielded PARK */
  parked = false;
  constructor(
    readonly task: Task,
    public token: number,
    readonly sel: SelectState | undefined,
    readonly caseIndex: number,
    /** the value of a waiting sender; for a receiver, the value it got */
    public value: unknown,
  ) {}

  /** Makes this (plain-wait) waiter the iterator of a receive that must park. */
  parkedReceive(): this {
    this.parked = false;
    return this;
  }

  next(): IteratorResult<unknown, unknown> {
    if (!this.parked) {
      this.parked = true;
      return PARK_STEP;
    }
    this.parked = false;
    const v = this.value;
    this.value = undefined;
    return { done: true, value: ret2(v, this.ok) };
  }

  return(value?: unknown): IteratorResult<unknown, unknown> {
    return { done: true, value };
  }

  throw(e?: unknown): IteratorResult<unknown, unknown> {
    throw e;
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** Wakes the waiter's task with the waiter as the value of its `yield PARK`; false if it no longer waits. */
export type WakeFn = (w: Waiter) => boolean;

export function createWaiter(task: Task, token: number, sel: SelectState | undefined, caseIndex: number, value: unknown): Waiter {
  return new Waiter(task, token, sel, caseIndex, value);
}

export interface ChannelFeed {
  /** the next value queued for this channel in the mailbox (removed from the queue), or NO_VALUE */
  pull(ch: Channel): unknown;
}

export const NO_VALUE: unique symbol = Symbol('moonforge.novalue');
/** What tryRecv returns on a closed and drained channel (receive gives nil, false). */
export const CLOSED: unique symbol = Symbol('moonforge.closed');

/**
 * The empty array every channel starts with for its buffer and wait queues (never written: the first element always
 * goes into a fresh array), so an idle channel holds no arrays of its own.
 */
const NONE: never[] = [];

export class Channel extends LuaUserdata {
  readonly cap: number;
  private buf: unknown[] = NONE;
  private bufHead = 0;
  closed = false;
  recvq: Waiter[] = NONE;
  sendq: Waiter[] = NONE;
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

  private pushBuf(v: unknown): void {
    if (this.buf === NONE) this.buf = [v];
    else this.buf.push(v);
  }

  /**
   * Adds a waiter. The first one goes into a fresh one-element array: a push onto an empty array reserves room for
   * 17, and most waits (an idle process on its inbox) have exactly one waiter. Later ones reuse that array.
   */
  addWaiter(q: 'recvq' | 'sendq', w: Waiter): void {
    const list = this[q];
    if (list === NONE) this[q] = [w];
    else list.push(w);
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
      w.value = v;
      w.ok = true;
      w.outcome = 'recv';
      if (this.wake(w)) return true;
    }
    if (this.buffered < this.cap) {
      this.pushBuf(v);
      return true;
    }
    return false;
  }

  /** Receives without blocking: the value, CLOSED once closed and drained, or NO_VALUE when nothing is ready. */
  tryRecv(): unknown {
    if (this.bufHead < this.buf.length) {
      const v = this.shiftBuf();
      // A blocked sender can now put its value into the freed slot.
      if (this.sendq.length > 0) {
        const w = Channel.take(this.sendq);
        if (w !== undefined) {
          this.pushBuf(w.value);
          w.outcome = 'sent';
          this.wake(w);
        }
      }
      return v;
    }
    if (this.sendq.length > 0) {
      const w = Channel.take(this.sendq);
      if (w !== undefined) {
        w.outcome = 'sent';
        this.wake(w);
        return w.value;
      }
    }
    if (this.feed !== undefined) {
      const v = this.feed.pull(this);
      if (v !== NO_VALUE) return v;
    }
    if (this.closed) return CLOSED;
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
      w.value = undefined;
      w.ok = false;
      w.outcome = 'recv';
      this.wake(w);
    }
    for (let w = Channel.take(this.sendq); w !== undefined; w = Channel.take(this.sendq)) {
      w.outcome = 'closed-send';
      this.wake(w);
    }
  }
}
