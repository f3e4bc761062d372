// The `channel` global of a process (Wippy spec §3.1): channel.new, the channel methods (send, receive, close,
// case_send, case_receive) and channel.select. Blocking operations have generator twins that park the calling task;
// their plain versions work only when they need not block (a metamethod cannot wait).
import { LuaTable, tableFromRecord } from '../core/table.js';
import { LuaUserdata } from '../core/value.js';
import { ARR } from '../core/symbols.js';
import { ret0, ret1, ret2 } from '../core/results.js';
import { luaError } from '../core/errors.js';
import { mkY, type LuaGen } from '../core/coroutine.js';
import { optInt } from '../core/args.js';
import { readOnly } from '../core/read-only.js';
import { Channel, CLOSED, NO_VALUE, SelectWaiter, channelClass, receivedOk } from './channel.js';
import { PARK, type DirectForm } from '../../abi/index.js';
import type { SelectState, Task, Waiter } from './task.js';
import type { ProcessScheduler } from './scheduler.js';

/** A case of channel.select: made by ch:case_send(v) / ch:case_receive(). */
export class SelectCase extends LuaUserdata {
  constructor(
    readonly ch: Channel,
    readonly send: boolean,
    readonly value: unknown,
  ) {
    super(undefined);
  }
}

const DONE_CLOSED: unique symbol = Symbol('moonforge.receive.closed');

/**
 * A receive that did not have to wait, as an iterator for `yield*` (its done result at once). Smaller than a
 * generator object and its register file, which a generator twin would allocate for every message; a receive that
 * parks hands over its task, which is its own waiter and iterator (Task.next).
 */
class ReceiveOp implements LuaGen {
  constructor(private readonly value: unknown) {}

  next(): IteratorResult<unknown, unknown> {
    const x = this.value;
    return { done: true, value: x === DONE_CLOSED ? ret2(undefined, false) : ret2(x, true) };
  }

  return(value: unknown): IteratorResult<unknown, unknown> {
    return { done: true, value };
  }

  throw(e: unknown): IteratorResult<unknown, unknown> {
    throw e;
  }

  [Symbol.iterator](): LuaGen {
    return this;
  }
}

export interface ChannelRuntime {
  channel: LuaTable;
  newChannel(cap: number): Channel;
}

function checkChannel(v: unknown, fname: string): Channel {
  if (v instanceof Channel) return v;
  throw luaError(`bad argument #1 to '${fname}' (channel expected)`);
}

const WOULD_BLOCK = 'attempt to block outside a process task (yield across a C-call boundary)';

export function createChannelRuntime(sched: ProcessScheduler): ChannelRuntime {
  const wake = (w: Waiter): boolean => sched.wake(w.task, w, w.token);
  const methods = new LuaTable();
  const meta = new LuaTable();
  meta.__index = methods;
  meta.__tostring = (ch: unknown) => ret1(`channel{cap=${(ch as Channel).cap}}`);
  const RuntimeChannel = channelClass(meta, wake);
  const newChannel = (cap: number): Channel => new RuntimeChannel(cap);

  /** Registers the current task as a plain waiter on `ch` (the task is its own waiter) and returns it. */
  function park(ch: Channel, q: 'recvq' | 'sendq', value: unknown): Task {
    const task = sched.current;
    if (task === undefined) throw luaError(WOULD_BLOCK);
    task.waitFor(sched.parkToken(task, ch), value);
    if (q === 'recvq') ch.addReceiver(task);
    else ch.addSender(task);
    return task;
  }

  /** park() for a receive (every actor's wait for its next message). */
  function parkReceiver(ch: Channel): Task {
    const task = sched.current;
    if (task === undefined) throw luaError(WOULD_BLOCK);
    ch.addReceiver(task.waitFor(sched.parkToken(task, ch), undefined));
    return task;
  }

  methods.send = mkY(
    (ch: unknown, v: unknown) => {
      const c = checkChannel(ch, 'send');
      const r = c.trySend(v);
      if (r === 'closed') throw luaError('send on closed channel');
      if (!r) throw luaError(WOULD_BLOCK);
      return ret1(true);
    },
    function* (ch: unknown, v: unknown): LuaGen {
      const c = checkChannel(ch, 'send');
      const r = c.trySend(v);
      if (r === 'closed') throw luaError('send on closed channel');
      if (r) return ret1(true);
      park(c, 'sendq', v);
      const w = (yield PARK) as Waiter;
      w.value = undefined; // the receiver has it; an idle task should not keep it alive
      if (w.outcome === 'closed-send') throw luaError('send on closed channel');
      return ret1(true);
    },
  );

  // receive is the hot path of every message: its twin returns a small iterator instead of a generator object (the
  // generator-twin protocol is only "something yield* can delegate to"), see ReceiveOp.
  methods.receive = mkY(
    (ch: unknown) => {
      const r = checkChannel(ch, 'receive').tryRecv();
      if (r === NO_VALUE) throw luaError(WOULD_BLOCK);
      return r === CLOSED ? ret2(undefined, false) : ret2(r, true);
    },
    (ch: unknown): LuaGen => {
      const c = checkChannel(ch, 'receive');
      // an actor asking for its next message mostly finds nothing there: park without tryRecv's calls
      if (c.mustWait()) return parkReceiver(c) as LuaGen;
      const r = c.tryRecv();
      if (r !== NO_VALUE) return new ReceiveOp(r === CLOSED ? DONE_CLOSED : r);
      return parkReceiver(c) as LuaGen;
    },
  );

  // The direct form of receive (abi/suspension.ts DirectForm), which compiled call sites use: the results at once, or PARK
  // with the task parked as the channel's receiver; the wake-up value is the task itself, holding what it got.
  const receiveY = (methods.receive as { $y: ((ch: unknown) => LuaGen) & DirectForm }).$y;
  receiveY.$d = (ch: unknown): unknown => {
    const c = checkChannel(ch, 'receive');
    if (c.mustWait()) {
      parkReceiver(c);
      return PARK;
    }
    const r = c.tryRecv();
    if (r !== NO_VALUE) return r === CLOSED ? ret2(undefined, false) : ret2(r, true);
    parkReceiver(c);
    return PARK;
  };
  receiveY.$r = (w: unknown): unknown => (w as Task).received();

  methods.close = (ch: unknown) => {
    checkChannel(ch, 'close').close();
    return ret0();
  };
  methods.case_send = (ch: unknown, v: unknown) => ret1(new SelectCase(checkChannel(ch, 'case_send'), true, v));
  methods.case_receive = (ch: unknown) => ret1(new SelectCase(checkChannel(ch, 'case_receive'), false, undefined));

  /** The cases and the default flag of `channel.select(cases [, default])` / `channel.select{..., default = true}`. */
  function selectArgs(cases: unknown, dflt: unknown): { list: SelectCase[]; hasDefault: boolean } {
    if (!(cases instanceof LuaTable)) throw luaError("bad argument #1 to 'select' (table expected)");
    const list: SelectCase[] = [];
    for (const c of cases[ARR]) {
      if (!(c instanceof SelectCase)) throw luaError("bad argument #1 to 'select' (select cases expected)");
      list.push(c);
    }
    const hasDefault = (dflt !== undefined && dflt !== false) || (cases.default !== undefined && cases.default !== false);
    return { list, hasDefault };
  }

  const result = (ch: Channel, value: unknown, ok: boolean): LuaTable => {
    const t = new LuaTable();
    t.channel = ch;
    if (value !== undefined) t.value = value;
    t.ok = ok;
    return t;
  };

  /** The first ready case in array order (Wippy: deterministic, unlike Go), or undefined. */
  function trySelect(list: SelectCase[]): LuaTable | undefined {
    for (const c of list) {
      if (c.send) {
        const r = c.ch.trySend(c.value);
        if (r === 'closed') throw luaError('send on closed channel');
        if (r) return result(c.ch, c.value, true);
      } else {
        const r = c.ch.tryRecv();
        if (r !== NO_VALUE) return r === CLOSED ? result(c.ch, undefined, false) : result(c.ch, r, true);
      }
    }
    return undefined;
  }

  const defaultResult = (): LuaTable => tableFromRecord({ default: true, ok: true });

  const channel = new LuaTable();
  channel.new = (n: unknown) => {
    const cap = optInt(n, 1, 'new', 0);
    if (cap < 0) throw luaError("bad argument #1 to 'new' (capacity must not be negative)");
    return ret1(newChannel(cap));
  };
  channel.select = mkY(
    (cases: unknown, dflt: unknown) => {
      const { list, hasDefault } = selectArgs(cases, dflt);
      const r = trySelect(list);
      if (r !== undefined) return ret1(r);
      if (hasDefault) return ret1(defaultResult());
      throw luaError(WOULD_BLOCK);
    },
    function* (cases: unknown, dflt: unknown): LuaGen {
      const { list, hasDefault } = selectArgs(cases, dflt);
      const r = trySelect(list);
      if (r !== undefined) return ret1(r);
      if (hasDefault) return ret1(defaultResult());
      if (list.length === 0) throw luaError("bad argument #1 to 'select' (no cases and no default)");
      const task = sched.current;
      if (task === undefined) throw luaError(WOULD_BLOCK);
      const token = sched.parkToken(task, list);
      const sel: SelectState = { done: false };
      for (let i = 0; i < list.length; i++) {
        const c = list[i]!;
        const w = new SelectWaiter(task, token, sel, i, c.value);
        if (c.send) c.ch.addSender(w);
        else c.ch.addReceiver(w);
      }
      const w = (yield PARK) as Waiter;
      if (w.outcome === 'closed-send') throw luaError('send on closed channel');
      const c = list[w.caseIndex]!;
      if (w.outcome === 'sent') return ret1(result(c.ch, c.value, true));
      return ret1(result(c.ch, w.value, receivedOk(w)));
    },
  );
  // One metatable for the channels (and select cases) of every process, and one module table: read-only, or a
  // process could replace `send` for all the others.
  readOnly(methods);
  readOnly(meta);
  return { channel: readOnly(channel), newChannel };
}
