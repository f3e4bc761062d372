// The messages of a process that could not be handed over yet (mailbox.ts), in arrival order. A receiver takes the oldest
// one for its channel; that is almost always the front of the queue, but a message for another channel (an unread
// listener, a topic nobody subscribes to yet) may be older, so the queue cannot be a plain FIFO. Taking from an array
// with splice made delivering a backlog quadratic (100k queued messages took 2 s, 400k 40 s, issue #10); here every
// operation is O(1) amortized:
//   - a taken message leaves a hole (undefined); `head` skips the holes at the front, and the array is compacted once
//     the holes outnumber the messages, so memory stays proportional to what waits;
//   - each channel keeps a cursor: no message before it is for that channel, so a receiver never rescans what it
//     passed. Messages are only appended, so a cursor stays right until the subscriptions change; the process then
//     rebuilds its backlog (Mailbox.flush) or forgets the cursors (retarget).
import type { Channel } from './channel.js';
import type { Envelope } from './message.js';

/** Below this many slots the array is never compacted (copying a small array costs more than the holes). */
const COMPACT_MIN = 1024;

/** Where a message goes under the current subscriptions (the Mailbox). */
export interface Targets {
  target(env: Envelope): Channel | undefined;
}

export class Backlog {
  private q: (Envelope | undefined)[] = [];
  /** index of the first slot that may hold a message (every slot before it is a hole) */
  private head = 0;
  /** messages waiting (slots that are not holes) */
  size = 0;
  /**
   * How many messages wait for each target channel (undefined: no subscription yet), so a new message can skip the
   * queue: it is handed over at once only when nothing older waits for the same channel.
   */
  readonly pending = new Map<Channel | undefined, number>();
  /** per channel, the first index that may hold a message for it; made on a channel's first take */
  private cursors: Map<Channel, number> | undefined = undefined;

  push(env: Envelope, ch: Channel | undefined): void {
    this.q.push(env);
    this.size++;
    const pending = this.pending;
    pending.set(ch, (pending.get(ch) ?? 0) + 1);
  }

  /** Whether a message waits for `ch`. */
  has(ch: Channel | undefined): boolean {
    return this.pending.get(ch) !== undefined;
  }

  /**
   * The oldest message whose target (under the process's current subscriptions) is `ch`, taken out of the queue; or
   * undefined.
   */
  take(ch: Channel, targets: Targets): Envelope | undefined {
    const pending = this.pending;
    const count = pending.get(ch);
    if (count === undefined) return undefined;
    const q = this.q;
    const cursors = (this.cursors ??= new Map());
    const c = cursors.get(ch);
    let i = c === undefined || c < this.head ? this.head : c;
    for (const n = q.length; i < n; i++) {
      const env = q[i];
      if (env === undefined || targets.target(env) !== ch) continue;
      q[i] = undefined;
      this.size--;
      if (count === 1) pending.delete(ch);
      else pending.set(ch, count - 1);
      cursors.set(ch, i + 1);
      // then the holes: skipHoles shifts the cursors with the slots, compact drops them
      if (i === this.head) this.skipHoles();
      else if (q.length - this.head - this.size > this.size && q.length >= COMPACT_MIN) this.compact();
      return env;
    }
    // The count says a message waits, so this is not reached unless the targets changed without a retarget.
    cursors.set(ch, i);
    return undefined;
  }

  /** The messages in order (Mailbox.flush rebuilds the backlog from them). */
  *entries(): Generator<Envelope> {
    const q = this.q;
    for (let i = this.head; i < q.length; i++) {
      const env = q[i];
      if (env !== undefined) yield env;
    }
  }

  /** Every message's target is unknown again (process.upgrade forgot the subscriptions). */
  retarget(): void {
    this.pending.clear();
    if (this.size > 0) this.pending.set(undefined, this.size);
    this.cursors = undefined;
  }

  private skipHoles(): void {
    const q = this.q;
    let h = this.head;
    while (h < q.length && q[h] === undefined) h++;
    this.head = h;
    if (h === q.length) {
      q.length = 0;
      this.head = 0;
      this.cursors = undefined;
    } else if (h >= COMPACT_MIN && h * 2 >= q.length) {
      // drop the front holes: the copy costs what is left, and at least as many takes paid for it
      q.copyWithin(0, h);
      q.length -= h;
      this.head = 0;
      const cursors = this.cursors;
      if (cursors !== undefined) for (const [ch, c] of cursors) cursors.set(ch, c > h ? c - h : 0);
    }
  }

  /** Squeezes out every hole; the cursors restart at the front (each channel rescans at most what is left once). */
  private compact(): void {
    const q = this.q;
    let w = 0;
    for (let i = this.head; i < q.length; i++) {
      const env = q[i];
      if (env !== undefined) q[w++] = env;
    }
    q.length = w;
    this.head = 0;
    this.cursors = undefined;
  }
}
