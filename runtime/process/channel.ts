// Go-like channels between the tasks of one process (Wippy spec §3.1): unbuffered (rendezvous) or buffered, close,
// and select over several cases where the first ready case in array order wins. A channel may have a feed: the
// process mailbox feeds inbox/events/listen channels (pull when a receiver comes, offer when a message arrives).
import { LuaUserdata } from '../core/value.js';
import type { LuaTable } from '../core/table.js';
import { MT } from '../core/symbols.js';
import type { Outcome, SelectState, Task, Waiter } from './task.js';

/** receiver: true for a sent value, false once closed and drained */
export const receivedOk = (w: Waiter): boolean => w.outcome === 'recv';

/** The waiter of one select case. */
export class SelectWaiter implements Waiter {
  outcome: Outcome = undefined;
  link: Waiter | undefined = undefined;
  constructor(
    readonly task: Task,
    readonly token: number,
    readonly sel: SelectState,
    readonly caseIndex: number,
    public value: unknown,
  ) {}
}

/** Wakes the waiter's task with the waiter as the value of its `yield PARK`; false if it no longer waits. */
export type WakeFn = (w: Waiter) => boolean;

/** Whether `w` still waits: its select (if any) is undecided and its task is parked on this very wait. */
const isLive = (w: Waiter): boolean => (w.sel === undefined || !w.sel.done) && w.task.parkSeq === w.token && w.task.state === 'parked';

export interface ChannelFeed {
  /** the next value queued for this channel in the mailbox (removed from the queue), or NO_VALUE */
  pull(ch: Channel): unknown;
  /** whether nothing is queued for this channel (pull would give NO_VALUE) */
  isEmpty(ch: Channel): boolean;
}

export const NO_VALUE: unique symbol = Symbol('moonforge.novalue');
/** What tryRecv returns on a closed and drained channel (receive gives nil, false). */
export const CLOSED: unique symbol = Symbol('moonforge.closed');

/**
 * The empty array every channel starts with for its buffer (never written: the first element always goes into a
 * fresh array), so an idle channel holds no array of its own.
 */
const NONE: never[] = [];

/**
 * A channel. Its metatable and wake function are the same for every channel of a runtime, so they live on a
 * per-runtime subclass's prototype (`channelClass`), not in each channel; the wait queues are circular lists through
 * the waiters (`recvTail.link` is the oldest receiver), so an idle inbox holds no array. An idle channel is 80 bytes.
 */
export class Channel {
  readonly cap: number;
  private buf: unknown[] = NONE;
  private bufHead = 0;
  closed = false;
  /** the newest waiting receiver; its `link` is the oldest */
  private recvTail: Waiter | undefined = undefined;
  private sendTail: Waiter | undefined = undefined;
  feed: ChannelFeed | undefined = undefined;
  /** provided by the runtime's subclass (channelClass) */
  declare protected readonly wake: WakeFn;

  constructor(cap: number) {
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

  /** Adds a waiter at the back of a queue. */
  addWaiter(q: 'recvq' | 'sendq', w: Waiter): void {
    if (q === 'recvq') this.addReceiver(w);
    else this.addSender(w);
  }

  /** Adds a receiver at the back of the receive queue (every parked receive: no queue name to compare). */
  addReceiver(w: Waiter): void {
    const tail = this.recvTail;
    if (tail === undefined) w.link = w;
    else {
      w.link = tail.link;
      tail.link = w;
    }
    this.recvTail = w;
  }

  addSender(w: Waiter): void {
    const tail = this.sendTail;
    if (tail === undefined) w.link = w;
    else {
      w.link = tail.link;
      tail.link = w;
    }
    this.sendTail = w;
  }

  /**
   * Whether a receive must wait: nothing buffered, no waiting sender, nothing queued for it in the feed, still open.
   * The common state of an actor's inbox when it asks for the next message; true answers what tryRecv would find
   * out (NO_VALUE) without its calls.
   */
  mustWait(): boolean {
    return this.bufHead >= this.buf.length && this.sendTail === undefined && !this.closed && (this.feed === undefined || this.feed.isEmpty(this));
  }

  /** A live receiver taken out of the queue (stale select cases and abandoned waits are dropped on the way). */
  private takeRecv(): Waiter | undefined {
    for (let tail = this.recvTail; tail !== undefined; tail = this.recvTail) {
      const head = tail.link!;
      if (head === tail) this.recvTail = undefined;
      else tail.link = head.link;
      head.link = undefined;
      if (Channel.claim(head)) return head;
    }
    return undefined;
  }

  private takeSend(): Waiter | undefined {
    for (let tail = this.sendTail; tail !== undefined; tail = this.sendTail) {
      const head = tail.link!;
      if (head === tail) this.sendTail = undefined;
      else tail.link = head.link;
      head.link = undefined;
      if (Channel.claim(head)) return head;
    }
    return undefined;
  }

  /** Whether a waiter taken out of a queue still waits; a select case that does decides its select. */
  private static claim(w: Waiter): boolean {
    if (w.sel !== undefined) {
      if (w.sel.done) return false;
      w.sel.done = true;
    }
    return w.task.parkSeq === w.token && w.task.state === 'parked';
  }

  private static hasLive(tail: Waiter | undefined): boolean {
    if (tail === undefined) return false;
    let w = tail.link!;
    for (;;) {
      if (isLive(w)) return true;
      if (w === tail) return false;
      w = w.link!;
    }
  }

  /** Sends without blocking: to a waiting receiver, else into the buffer. Raises on a closed channel. */
  trySend(v: unknown): boolean | 'closed' {
    if (this.closed) return 'closed';
    return this.offer(v);
  }

  /** Hands `v` to a waiting receiver or buffers it; false if neither is possible now. */
  offer(v: unknown): boolean {
    if (this.closed) return false;
    while (this.recvTail !== undefined) {
      const w = this.takeRecv();
      if (w === undefined) break;
      w.value = v;
      w.outcome = 'recv';
      if (this.wake(w)) return true;
    }
    if (this.buf.length - this.bufHead < this.cap) {
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
      if (this.sendTail !== undefined) {
        const w = this.takeSend();
        if (w !== undefined) {
          this.pushBuf(w.value);
          w.outcome = 'sent';
          this.wake(w);
        }
      }
      return v;
    }
    if (this.sendTail !== undefined) {
      const w = this.takeSend();
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
    return this.buffered > 0 || Channel.hasLive(this.sendTail) || this.closed;
  }

  canSend(): boolean {
    return this.closed || Channel.hasLive(this.recvTail) || this.buffered < this.cap;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (let w = this.takeRecv(); w !== undefined; w = this.takeRecv()) {
      w.value = undefined;
      w.outcome = 'closed';
      this.wake(w);
    }
    for (let w = this.takeSend(); w !== undefined; w = this.takeSend()) {
      w.outcome = 'closed-send';
      this.wake(w);
    }
  }
}
// A userdata without LuaUserdata's per-instance [MT] field: the metatable is on the runtime subclass's prototype.
Object.setPrototypeOf(Channel.prototype, LuaUserdata.prototype);

/** The channel class of one runtime: its channels share `mt` and `wake` through the prototype. */
export function channelClass(mt: LuaTable, wake: WakeFn): new (cap: number) => Channel {
  class RuntimeChannel extends Channel {}
  const proto = RuntimeChannel.prototype as unknown as { [MT]: LuaTable; wake: WakeFn };
  proto[MT] = mt;
  proto.wake = wake;
  return RuntimeChannel;
}
