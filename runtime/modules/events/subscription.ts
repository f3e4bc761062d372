// A Lua subscription to the event bus (wippyai/runtime runtime/lua/modules/events/yields.go): events reach the
// subscribing process as messages on a topic of its own ("events@N"), which a 64-slot channel listens to, so an
// event the process has no room for waits in its mailbox like any message and the sender never blocks. Each event
// is a fresh table {system, kind, path, data} with its own copy of the data. The subscription ends at sub:close()
// or when the process ends.
import { LuaTable } from '../../core/table.js';
import { LuaUserdata } from '../../core/value.js';
import { ret1 } from '../../core/results.js';
import { argError } from '../../core/args.js';
import { readOnly } from '../../core/read-only.js';
import { BUDGET } from '../../core/preempt.js';
import type { Channel } from '../../process/channel.js';
import { copyValue } from '../../process/copy.js';
import { Message } from '../../process/message.js';
import type { ExitResult, Proc } from '../../process/proc.js';
import type { BusEvent, EventBus } from './bus.js';

/** events.subscribe's channel capacity (engine.NewChannel(64) in module.go). */
export const SUBSCRIPTION_BUFFER = 64;

let topicSeq = 0;

export class Subscription extends LuaUserdata {
  private unsubscribe: (() => void) | undefined;
  private readonly onExit: (r: ExitResult) => void;
  readonly topic = `events@${++topicSeq}`;

  constructor(
    mt: LuaTable,
    readonly proc: Proc,
    readonly ch: Channel,
    bus: EventBus,
    system: string,
    kind: string,
  ) {
    super(mt);
    proc.listeners.set(this.topic, { ch, message: false });
    this.unsubscribe = bus.subscribe({ system, kind, deliver: (e) => this.deliver(e) });
    // at the exit only the bus forgets it: the process's subscriptions go with the process
    this.onExit = () => this.detach();
    proc.onExit.push(this.onExit);
  }

  private deliver(e: BusEvent): void {
    const t = new LuaTable();
    t.system = e.system;
    t.kind = e.kind;
    t.path = e.path;
    if (e.data !== undefined) t.data = copyValue(e.data);
    this.proc.deliverMessage(new Message(this.topic, '', 1, t));
    // an event of the runtime's own (the registry's) counts as one value: thousands of entries applied at once to
    // thousands of subscriptions are millions of deliveries in one step too
    chargeCopy(e.cells ?? 1);
  }

  get closed(): boolean {
    return this.unsubscribe === undefined;
  }

  private detach(): boolean {
    const un = this.unsubscribe;
    if (un === undefined) return false;
    this.unsubscribe = undefined;
    un();
    return true;
  }

  /** Unsubscribes and closes the channel (receivers get nil, false); idempotent. */
  close(): void {
    if (!this.detach()) return;
    // a long-lived process that subscribes and closes in a loop must not collect exit observers
    const exits = this.proc.onExitIfAny;
    const at = exits === undefined ? -1 : exits.indexOf(this.onExit);
    if (at >= 0) exits!.splice(at, 1);
    if (this.proc.alive) {
      // the events queued for it go with it: without its listener they would wait in the mailbox for good (a process
      // subscribing, flooded, closing and subscribing again kept every unread event it was ever sent)
      while (!this.proc.isEmpty(this.ch)) this.proc.pull(this.ch);
      this.proc.listeners.delete(this.topic);
      this.ch.close();
      this.proc.flush();
    }
  }
}

/** From this many values a copy counts as big: the memory guard reads the heap after it. */
const BIG_COPY = 1 << 14;

/**
 * Charges the sender's task for one subscriber's copy of an event's data. One events.send copies its data once per
 * subscriber, inside one call that cannot give way: 4,096 subscriptions to a 100,000-value table are 400 million
 * values made in one step, which took the node down before any guard looked. Counted like the back-edges of plain
 * code, with the heap read after each big copy, the backstop ends the sender (memory or time, an error no pcall
 * catches) as it ends a loop that cannot give way.
 */
function chargeCopy(cells: number): void {
  BUDGET.p -= cells;
  if (cells >= BIG_COPY) BUDGET.memDue = true;
  if (BUDGET.p < 0) BUDGET.out();
}

function checkSub(v: unknown, fname: string): Subscription {
  if (v instanceof Subscription) return v;
  throw argError(1, fname, 'subscription expected');
}

/** The one metatable of subscriptions (shared by every process: read-only). */
export function subscriptionMetatable(): LuaTable {
  const methods = new LuaTable();
  methods.channel = (s: unknown) => ret1(checkSub(s, 'channel').ch);
  methods.close = (s: unknown) => {
    checkSub(s, 'close').close();
    return ret1(true);
  };
  const mt = new LuaTable();
  mt.__index = readOnly(methods);
  mt.__tostring = () => ret1('events.Subscription{}');
  return readOnly(mt);
}
