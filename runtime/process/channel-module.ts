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
import { Channel, NO_VALUE, type Received, type SelectState, type Waiter } from './channel.js';
import { PARK } from './task.js';
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

type WakeValue = Received | { caseIndex: number; sent: true } | { error: string };

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
  const wake = (w: Waiter, r: WakeValue): boolean => sched.wake(w.task, r, w.token);
  const methods = new LuaTable();
  const meta = new LuaTable();
  meta.__index = methods;
  meta.__tostring = (ch: unknown) => ret1(`channel{cap=${(ch as Channel).cap}}`);
  const newChannel = (cap: number): Channel => new Channel(meta, cap, wake);

  function park(ch: Channel, q: 'recvq' | 'sendq', value: unknown): void {
    const task = sched.current;
    if (task === undefined) throw luaError(WOULD_BLOCK);
    const token = sched.parkToken(task);
    ch[q].push({ task, token, sel: undefined, caseIndex: 0, value });
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
      const res = (yield PARK) as WakeValue;
      if ('error' in res) throw luaError(res.error);
      return ret1(true);
    },
  );

  methods.receive = mkY(
    (ch: unknown) => {
      const r = checkChannel(ch, 'receive').tryRecv();
      if (r === NO_VALUE) throw luaError(WOULD_BLOCK);
      return ret2(r.value, r.ok);
    },
    function* (ch: unknown): LuaGen {
      const c = checkChannel(ch, 'receive');
      const r = c.tryRecv();
      if (r !== NO_VALUE) return ret2(r.value, r.ok);
      park(c, 'recvq', undefined);
      const res = (yield PARK) as Received;
      return ret2(res.value, res.ok);
    },
  );

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
        if (r !== NO_VALUE) return result(c.ch, r.value, r.ok);
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
      const token = sched.parkToken(task);
      const sel: SelectState = { done: false };
      list.forEach((c, i) => {
        const w: Waiter = { task, token, sel, caseIndex: i, value: c.value };
        if (c.send) c.ch.sendq.push(w);
        else c.ch.recvq.push(w);
      });
      const res = (yield PARK) as WakeValue;
      if ('error' in res) throw luaError(res.error);
      const c = list[res.caseIndex]!;
      if ('sent' in res) return ret1(result(c.ch, c.value, true));
      return ret1(result(c.ch, res.value, res.ok));
    },
  );
  return { channel, newChannel };
}
