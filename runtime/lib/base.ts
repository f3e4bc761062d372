// The base library (Lua 5.1 §5.1 as Wippy provides it: no load, loadstring, dofile, collectgarbage, setfenv/getfenv).
// pcall/xpcall have generator twins so a coroutine or process can suspend inside them.
import { LuaTable, rawget, rawset, rawlen, tableNext, firstKey } from '../core/table.js';
import { ARR, MT } from '../core/symbols.js';
import { R, ret0, ret1, ret2, ret3, retN, retTrueBefore } from '../core/results.js';
import { LuaError, PROTECTED, catchable, luaError, raise, raiseAt, setNumberText, toLuaError } from '../core/errors.js';
import { argError, checkInt, checkTable, optInt, typeError } from '../core/args.js';
import { TAIL, bounce, call, callAll, callMeta } from '../core/call.js';
import { getMetatable } from '../core/meta.js';
import { typeName } from '../core/value.js';
import { tostring, tostringBuiltin } from '../core/tostring.js';
import { numberToString, parseIntBase, parseTonumber } from '../core/number-format.js';

setNumberText(numberToString);
import { mkY, runAsGenerator, type LuaGen } from '../core/coroutine.js';
import { AS_VALUE, deferCall, defers, done, runDeferred } from '../core/defer.js';
import { printM, tostringM, withMayDefer } from './meta-twins.js';
import { ipairsIter } from '../core/ipairs.js';
import { select } from '../core/select.js';

export interface BaseLibOptions {
  /** writes a line of output (bytes as latin1 chars), print's destination */
  write: (s: string) => void;
}

const nextOut: unknown[] = [undefined];

export function luaNext(t: unknown, k?: unknown): unknown {
  const tbl = checkTable(t, 1, 'next');
  const key = tableNext(tbl, k, nextOut);
  if (key === undefined) return ret1(undefined);
  return ret2(key, nextOut[0]);
}

/**
 * pcall(f, ...): the arguments read from `arguments` and f called with up to three of them directly, its results
 * moved up behind `true` in the registers (retTrueBefore): no array per call on the usual path.
 */
function pcallPlain(f: unknown): unknown {
  const n = arguments.length;
  if (n === 0) throw argError(1, 'pcall', 'value expected');
  const td = R.td;
  PROTECTED.n++;
  try {
    let r: unknown;
    if (typeof f !== 'function') r = callMeta(f, restOf(arguments));
    else {
      const fn = f as (...a: unknown[]) => unknown;
      /* eslint-disable prefer-rest-params -- `arguments`, not a rest array: no allocation per call */
      if (n === 1) r = fn();
      else if (n === 2) r = fn(arguments[1]);
      else if (n === 3) r = fn(arguments[1], arguments[2]);
      else if (n === 4) r = fn(arguments[1], arguments[2], arguments[3]);
      else r = fn(...restOf(arguments));
      /* eslint-enable prefer-rest-params */
      if (r === TAIL) r = bounce();
    }
    return retTrueBefore(r);
  } catch (e) {
    R.td = td;
    return ret2(false, catchable(e).value);
  } finally {
    PROTECTED.n--;
  }
}

/** The arguments after the first, as an array. */
function restOf(args: IArguments): unknown[] {
  const out = new Array<unknown>(args.length - 1);
  for (let i = 1; i < args.length; i++) out[i - 1] = args[i];
  return out;
}

function* pcallY(...all: unknown[]): LuaGen {
  if (all.length === 0) throw argError(1, 'pcall', 'value expected');
  const [f, ...args] = all;
  const td = R.td;
  try {
    const r = yield* runAsGenerator(f, args);
    return retTrueBefore(r);
  } catch (e) {
    R.td = td;
    return ret2(false, catchable(e).value);
  }
}

/** The handler's first result replaces the error; an error inside the handler replaces it too (go-lua baselib.go). */
function handleXpcallError(handler: unknown, e: unknown): unknown {
  const err = catchable(e);
  try {
    const r = callAll(handler, [err.value]);
    return ret2(false, r[0]);
  } catch (e2) {
    return ret2(false, catchable(e2).value);
  }
}

// xpcall(f, handler): Lua 5.1 and go-lua pass no extra arguments to f.
function xpcallPlain(f: unknown, handler: unknown): unknown {
  const td = R.td;
  PROTECTED.n++;
  try {
    const r = call(f);
    return retTrueBefore(r);
  } catch (e) {
    R.td = td;
    return handleXpcallError(handler, e);
  } finally {
    PROTECTED.n--;
  }
}

function* xpcallY(f: unknown, handler: unknown): LuaGen {
  const td = R.td;
  try {
    const r = yield* runAsGenerator(f, []);
    return retTrueBefore(r);
  } catch (e) {
    R.td = td;
    return yield* handleXpcallErrorY(handler, e);
  }
}

/** handleXpcallError for xpcall's twin: a handler with a twin runs as that twin, so it can give way (core/defer.ts). */
function handleXpcallErrorY(handler: unknown, e: unknown): LuaGen {
  return defers(handler) ? runXpcallHandler(handler, catchable(e).value) : done(handleXpcallError(handler, e));
}

function* runXpcallHandler(handler: unknown, value: unknown): LuaGen {
  try {
    deferCall(handler, 1, value, undefined, undefined, AS_VALUE);
    return ret2(false, yield* runDeferred());
  } catch (e2) {
    return ret2(false, catchable(e2).value);
  }
}

export function openBaseLib(G: LuaTable, opts: BaseLibOptions): void {
  const print = (...args: unknown[]): unknown => {
    let line = '';
    for (let i = 0; i < args.length; i++) line += (i > 0 ? '\t' : '') + tostring(args[i]);
    opts.write(line + '\n');
    return ret0();
  };
  const fns: Record<string, unknown> = {
    // print and tostring have may-defer forms for process-mode generator code: a `__tostring` can give way
    print: withMayDefer(print, printM(print, opts.write)),
    // `arguments.length` instead of a rest array: these are called often and must not allocate.
    type(v: unknown) {
      if (arguments.length === 0) throw argError(1, 'type', 'value expected');
      return ret1(typeName(v));
    },
    tostring: withMayDefer(function tostring(v: unknown) {
      if (arguments.length === 0) throw argError(1, 'tostring', 'value expected');
      return ret1(tostringBuiltin(v));
    }, tostringM),
    // go-lua baselib.go baseToNumber (docs/wippy-lua-facts.md §5): "1e5" and "inf" are not numbers without a ".",
    // a base outside 2..36 gives nil, numbers pass through unchanged.
    tonumber(v: unknown, base?: unknown) {
      if (arguments.length === 0) throw argError(1, 'tonumber', 'value expected');
      if (typeof v === 'number') return ret1(v);
      if (typeof v !== 'string') return ret1(undefined);
      if (base === undefined) return ret1(parseTonumber(v));
      const b = checkInt(base, 2, 'tonumber');
      if (v.includes('.')) return ret1(parseTonumber(v));
      if (b < 2 || b > 36) return ret1(undefined);
      return ret1(parseIntBase(v, b));
    },
    ipairs(t: unknown) {
      if (t === undefined && arguments.length === 0) throw typeError(1, 'ipairs', 'table', undefined);
      checkTable(t, 1, 'ipairs');
      return ret3(ipairsIter, t, 0);
    },
    pairs(t: unknown) {
      checkTable(t, 1, 'pairs');
      return ret3(luaNext, t, undefined);
    },
    next: luaNext,
    rawget(t: unknown, k: unknown) {
      return ret1(rawget(checkTable(t, 1, 'rawget'), k));
    },
    rawset(t: unknown, k: unknown, v: unknown) {
      const tbl = checkTable(t, 1, 'rawset');
      if (k === undefined) throw luaError('table index is nil');
      rawset(tbl, k, v);
      return ret1(tbl);
    },
    rawequal(a: unknown, b: unknown) {
      return ret1(a === b);
    },
    select,
    setmetatable(t: unknown, mt: unknown) {
      const tbl = checkTable(t, 1, 'setmetatable');
      // Lua 5.1 lbaselib.c: the second argument must be present, nil or a table.
      if (arguments.length < 2 || (mt !== undefined && !(mt instanceof LuaTable))) throw argError(2, 'setmetatable', 'nil or table expected');
      const old = tbl[MT];
      if (old !== undefined && old.__metatable !== undefined) throw luaError('cannot change a protected metatable');
      tbl[MT] = mt as LuaTable | undefined;
      return ret1(tbl);
    },
    getmetatable(v: unknown) {
      const mt = getMetatable(v);
      if (mt === undefined) return ret1(undefined);
      const protectedMt = mt.__metatable;
      return ret1(protectedMt !== undefined ? protectedMt : mt);
    },
    error(v: unknown, level?: unknown) {
      const lvl = level === undefined ? 1 : checkInt(level, 2, 'error');
      raiseAt(v, lvl, fns.error as Function);
    },
    assert(...args: unknown[]) {
      if (args.length === 0) throw argError(1, 'assert', 'value expected');
      const v = args[0];
      if (v === undefined || v === false) {
        const msg = args.length > 1 ? args[1] : 'assertion failed!';
        if (typeof msg === 'string' || typeof msg === 'number') throw luaError(tostring(msg));
        raise(msg);
      }
      return retN(args);
    },
    pcall: mkY(pcallPlain, pcallY),
    xpcall: mkY(xpcallPlain, xpcallY),
    unpack(t: unknown, i?: unknown, j?: unknown) {
      const tbl = checkTable(t, 1, 'unpack');
      const from = optInt(i, 2, 'unpack', 1);
      const to = j === undefined ? rawlen(tbl) : checkInt(j, 3, 'unpack');
      if (from > to) return ret0();
      const n = to - from + 1;
      if (n >= 1e7) throw luaError('too many results to unpack');
      const arr = tbl[ARR];
      const out = new Array<unknown>(n);
      for (let k = 0; k < n; k++) {
        const idx = from + k;
        out[k] = idx >= 1 && idx <= arr.length ? arr[idx - 1] : rawget(tbl, idx);
      }
      return retN(out);
    },
  };
  // defineProperty, not `G[k] = v`: V8 turns an object that gets more than ~18 properties through keyed stores into
  // a dictionary, and every global read of the program would then take the slow lookup.
  for (const [k, v] of Object.entries(fns)) defineGlobal(G, k, v);
  G._G = G;
  G._VERSION = 'Lua 5.1';
  void firstKey;
}

/** Adds a global the way a named store does (the globals table keeps V8's fast properties). */
export function defineGlobal(G: LuaTable, name: string, value: unknown): void {
  Object.defineProperty(G, name, { value, writable: true, enumerable: true, configurable: true });
}
