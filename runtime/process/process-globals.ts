// The Lua environment of a process: one read-only base table per runtime (standard library, `process`, `channel`,
// Wippy's coroutine with `spawn`, `errors`, `payload`), shared by every process through `__index`, so an idle process
// costs a few hundred bytes instead of a copy of the library; and the modules a process entry may `require` (time,
// ctx).
import { shareStringMetatable } from '../core/meta.js';
import { LuaTable, ownStringKeys } from '../core/table.js';
import { MT } from '../core/symbols.js';
import { ret0, ret1, ret2 } from '../core/results.js';
import { luaError } from '../core/errors.js';
import { mkY, type LuaGen } from '../core/coroutine.js';
import { LuaUserdata, typeName } from '../core/value.js';
import { createGlobals } from '../env.js';
import { openCoroutineLib } from '../lib/coroutine.js';
import { createError, ERROR_KINDS, openErrorsLib } from '../lib/wippy/errors.js';
import { openPayloadLib } from '../lib/wippy/payload.js';
import { createTimeModule, invalidError, invalidWrapError, timeFromMillis } from '../lib/wippy/time/index.js';
import { toDurationNs } from '../lib/wippy/time/duration.js';
import type { ProcessNode } from './node.js';
import type { Proc } from './proc.js';
import type { ChannelRuntime } from './channel-module.js';
import { NO_VALUE, type Channel } from './channel.js';
import { createProcessModule } from './process-module/index.js';
import { PARK } from '../../abi/index.js';
import { copyValue } from './copy.js';
import { checkStr } from '../core/args.js';
import { readOnly } from '../core/read-only.js';
import { ModuleTable } from './module-table.js';

export interface ProcessGlobals {
  /** the shared read-only base every process's globals inherit */
  base: LuaTable;
  /** modules an entry can list under `modules:` and `require` */
  modules: ModuleTable;
  /** a fresh globals table for a process */
  create(proc: Proc): LuaTable;
}

class TimerValue extends LuaUserdata {
  sub: { unsubscribe(): void } | undefined = undefined;
  /** a ticker, until stop(): its timer may be idle (see ticker) while it still ticks for Lua */
  ticking = false;
  constructor(
    mt: LuaTable,
    readonly ch: Channel,
  ) {
    super(mt);
  }
}

/**
 * The class of a process's globals table: a LuaTable whose JS prototype holds the base globals as non-enumerable,
 * writable data properties, so the compiled global read `G.process` (own property, else gget through __index) hits
 * on the prototype at inline-cache speed; through __index every `process.send` missed, walked the metatable and
 * called index(), ~7% of a ping-pong message. The Lua view is unchanged: the prototype chain still ends in the empty,
 * null-prototype LuaTable.prototype (no JS built-in is reachable: `__proto__`, `toString` stay nil); `pairs(_G)`,
 * `next` and `for in` see own keys only (the base names are non-enumerable); an assignment creates an own property
 * that shadows the base one (the base stays read-only, as before); `print = nil` deletes the own key and the base
 * value shows again, as it did through __index. `rawget(_G, "print")` now finds the base value, as in Wippy, where
 * the libraries are ordinary globals. The metatable with `__index = base` stays (getmetatable(_G) is unchanged).
 */
function globalsClass(base: LuaTable): new () => LuaTable {
  class ProcessG extends LuaTable {}
  const proto = ProcessG.prototype as unknown as Record<string, unknown> & { constructor?: unknown };
  delete proto.constructor;
  for (const k of ownStringKeys(base)) {
    if (k === '_G') continue;
    Object.defineProperty(proto, k, { value: base[k], writable: true, enumerable: false, configurable: false });
  }
  // not frozen: a frozen (read-only) inherited property would make `G.print = f` throw instead of shadowing it
  Object.preventExtensions(proto);
  return ProcessG;
}

export function createProcessGlobals(node: ProcessNode, channels: ChannelRuntime, write: (s: string) => void): ProcessGlobals {
  const sched = node.sched;
  shareStringMetatable(); // from now on every string metatable of this realm is the read-only one
  const base = createGlobals({ write });
  base.process = readOnly(createProcessModule(node, channels));
  base.channel = readOnly(channels.channel);
  base.errors = readOnly(openErrorsLib());
  base.payload = openPayloadLib();

  // coroutine.spawn (spec §3.2): another task of the same process, queued ahead of the parent's continuation.
  const co = openCoroutineLib();
  co.spawn = (fn: unknown) => {
    if (typeof fn !== 'function') throw luaError("bad argument #1 to 'spawn' (function expected)");
    const p = node.current;
    if (p === undefined) throw luaError('coroutine.spawn can only be called from a process');
    node.spawnTask(p, fn);
    return ret0();
  };
  base.coroutine = readOnly(co);

  // require (spec §1.5): a global lookup of what the entry's modules/imports bound.
  base.require = (name: unknown) => {
    const p = node.current;
    if (typeof name !== 'string') {
      // String() of a table would throw a JS TypeError (no prototype): the Lua argument error instead
      throw luaError(`bad argument #1 to 'require' (string expected, got ${name === undefined ? 'no value' : typeName(name)})`);
    }
    const v = p?.G !== undefined ? p.G[name] : undefined;
    if (v === undefined) throw luaError(`module '${name}' not found`);
    return ret1(v);
  };
  readOnly(base);

  const modules = new ModuleTable();
  modules.set('time', createTime(node, channels));
  modules.set('ctx', createCtx(node));
  // Modules that are globals too: Wippy's code manager registers os (the ostime module), process and channel as
  // built-in modules (boot/components/runtime/lua/engine.go) and payload as a platform module, while its engine also
  // binds them as globals (engine/cached_libs.go, the process module); an entry may list them, getting the same value.
  for (const name of ['os', 'process', 'channel', 'payload']) modules.set(name, base[name] as LuaTable);

  const baseMeta = new LuaTable();
  baseMeta.__index = base;
  readOnly(baseMeta);
  const ProcessG = globalsClass(base);
  return {
    base,
    modules,
    create(proc: Proc): LuaTable {
      void proc;
      const G = new ProcessG();
      G[MT] = baseMeta;
      G._G = G;
      return G;
    },
  };

  function createTime(nodeRef: ProcessNode, chans: ChannelRuntime): LuaTable {
    void nodeRef;
    const timerMethods = new LuaTable();
    const timerMeta = new LuaTable();
    timerMeta.__index = timerMethods;
    // Methods called with something else as self (`t.stop(x)`) raise instead of reading fields of a Lua value.
    const checkTimer = (t: unknown, name: string): TimerValue => {
      if (t instanceof TimerValue) return t;
      throw luaError(`bad argument #1 to '${name}' (timer expected, got ${t === undefined ? 'no value' : typeName(t)})`);
    };
    timerMethods.response = (t: unknown): unknown => ret1(checkTimer(t, 'response').ch);
    timerMethods.channel = (t: unknown): unknown => ret1(checkTimer(t, 'channel').ch);
    timerMethods.stop = (t: unknown) => {
      const tv = checkTimer(t, 'stop');
      const active = tv.sub !== undefined || tv.ticking;
      tv.ticking = false;
      tv.sub?.unsubscribe();
      tv.sub = undefined;
      return ret1(active);
    };
    const fireAfter = (ch: Channel, ms: number): { unsubscribe(): void } =>
      sched.schedule(() => {
        ch.offer(timeFromMillis(sched.now()));
      }, ms);
    // A timer forgets its subscription when it fires, so stop() after firing returns false as Go's Timer.Stop.
    const armTimer = (tv: TimerValue, ms: number): void => {
      const sub = sched.schedule(() => {
        if (tv.sub === sub) tv.sub = undefined;
        tv.ch.offer(timeFromMillis(sched.now()));
      }, ms);
      tv.sub = sub;
    };
    timerMethods.reset = (t: unknown, d: unknown) => {
      const tv = checkTimer(t, 'reset');
      const r = toDurationNs(d);
      if (!r.ok || r.ns <= 0) return ret2(false, invalidError('time.timer: duration must be > 0'));
      tv.sub?.unsubscribe();
      tv.ticking = false; // reset arms a one-shot timer, whatever the value was (as before: a ticker's ticks end)
      armTimer(tv, r.ns / 1e6);
      return ret1(true);
    };
    // timers of every process share this metatable: read-only (the time module itself is made so by its maker)
    readOnly(timerMethods);
    readOnly(timerMeta);
    return createTimeModule({
      now: () => sched.now(),
      extend(fields) {
        fields.sleep = mkY(
          () => {
            throw luaError('time.sleep must be called from a process task');
          },
          function* (d: unknown): LuaGen {
            const r = toDurationNs(d);
            if (!r.ok) return ret2(undefined, invalidWrapError(r.message, 'time.sleep'));
            const task = sched.current;
            if (task === undefined) throw luaError('time.sleep must be called from a process task');
            const token = sched.parkToken(task, 'sleep');
            sched.schedule(() => {
              sched.wake(task, undefined, token);
            }, Math.max(0, r.ns / 1e6));
            yield PARK;
            return ret0();
          },
        );
        fields.after = (d: unknown) => {
          const r = toDurationNs(d);
          if (!r.ok) return ret2(undefined, invalidWrapError(r.message, 'time.after'));
          const ch = chans.newChannel(1);
          fireAfter(ch, Math.max(0, r.ns / 1e6));
          return ret1(ch);
        };
        fields.timer = (d: unknown) => {
          const r = toDurationNs(d);
          if (!r.ok || r.ns <= 0) return ret2(undefined, invalidError('time.timer: duration must be > 0'));
          const tv = new TimerValue(timerMeta, chans.newChannel(1));
          armTimer(tv, r.ns / 1e6);
          return ret1(tv);
        };
        fields.ticker = (d: unknown) => {
          const r = toDurationNs(d);
          if (!r.ok || r.ns <= 0) return ret2(undefined, invalidError('time.ticker: duration must be > 0'));
          const tv = new TimerValue(timerMeta, chans.newChannel(1));
          const ms = r.ns / 1e6;
          const start = sched.now();
          tv.ticking = true;
          // A ticker drops the ticks a slow receiver misses, as Go's does (a buffer of one), so its timer only needs
          // to run while the next tick has somewhere to go: a receiver waiting, or an empty buffer. Once a tick sits
          // unread in the buffer the timer stops, and the next receive (which asks the channel's feed first) starts
          // it again for the next boundary of the period: a ticker nobody reads costs nothing (100,000 unread 1 ms
          // tickers in one process used to slow every process of the node), and a reader sees Go's ticks.
          const arm = (): void => {
            if (tv.sub !== undefined || !tv.ticking) return;
            const now = sched.now();
            const next = start + ms * (Math.floor((now - start) / ms) + 1);
            tv.sub = sched.schedule(tick, Math.max(0, next - now));
          };
          const tick = (): void => {
            tv.sub = undefined;
            if (!tv.ticking) return;
            tv.ch.offer(timeFromMillis(sched.now()));
            if (tv.ch.buffered < tv.ch.cap) arm();
          };
          tv.ch.feed = {
            pull: () => {
              arm();
              return NO_VALUE;
            },
            isEmpty: () => {
              arm();
              return true;
            },
          };
          arm();
          return ret1(tv);
        };
      },
    });
  }

  /**
   * The ctx module (wippyai/runtime runtime/lua/modules/ctx/module.go): read-only access to the process's context.
   * Wippy converts the stored Go value into a fresh Lua value on every call (toLuaValue), so what `get` and `all`
   * return belongs to the caller alone: here every call returns a deep copy of the stored value, and a process
   * changing it changes neither its later reads nor the context of its children or siblings (which share the
   * stored map). get: `v, nil`; an empty key is Invalid "empty key", a missing one NotFound "key not found: k",
   * neither retryable. all: a fresh table of copies, `t, nil`.
   */
  function createCtx(nodeRef: ProcessNode): LuaTable {
    const ctx = new LuaTable();
    ctx.get = (key: unknown) => {
      const k = checkStr(key, 1, 'get');
      if (k === '') return ret2(undefined, createError({ kind: ERROR_KINDS.INVALID, message: 'empty key', retryable: false }));
      const p = nodeRef.current;
      const v = p === undefined ? undefined : p.context.get(k);
      if (v === undefined) return ret2(undefined, createError({ kind: ERROR_KINDS.NOT_FOUND, message: `key not found: ${k}`, retryable: false }));
      return ret2(copyValue(v), undefined);
    };
    ctx.all = () => {
      const t = new LuaTable();
      const p = nodeRef.current;
      if (p !== undefined) for (const [k, v] of p.context) t[k] = copyValue(v);
      return ret2(t, undefined);
    };
    return readOnly(ctx);
  }
}
