// The slow paths of Lua operators, called by compiled code when its inline fast path does not apply: indexing with
// metatables, arithmetic with coercion and metamethods, comparison, concatenation, length. Errors carry the site's
// `chunk:line:` and operand description (compiled code passes the module info `M` and a site id).
import type { Twinned } from '../../abi/index.js';
import { ARR, HASH, MT } from './symbols.js';
import { LuaTable, rawget, rawset, rawlen } from './table.js';
import { luaErrorAt, LuaError } from './errors.js';
import { getMetamethod, getMetatable, getStringMetatable } from './meta.js';
import { typeName } from './value.js';
import { call, call2, callMeta, TAIL, bounce } from './call.js';
import { PURE, abortPure } from './pure-call.js';
import { R } from './results.js';
import { numberToString, stringToNumber } from './number-format.js';
import { AS_FALSITY, AS_NOTHING, AS_TRUTH, AS_VALUE, DEFER, deferCall, defers } from './defer.js';
import { TRANSFER } from './transfer.js';

// `d` (may defer): set by the `...D` forms that process-mode generator code calls (runtime/core/defer.ts). With it, a
// Lua handler that has a generator twin is not called: the call is stored and DEFER returned. Plain code leaves it
// unset, and it is read only where a handler is about to be called, so the plain paths do what they did.

/** What compiled code passes as `M`: the chunk name, its sites ([line, ...operand descriptions]) and functions. */
export interface ModuleInfo {
  chunk: string;
  sites: (number | string)[][];
  fns: string[];
  /**
   * Compiled for processes (Wippy's VM): `t[k] = v` and `{[k] = v}` with a nil or NaN key do not raise there. go-lua's
   * table stores them (its raw writes check no key; only rawset raises, table.go), and Wippy's own tests rely on it
   * (tests/app/src/test/funcs/parallel.lua writes `results[i]` with `i` nil). moonforge drops such a write: reading
   * `t[nil]` gives nil either way, and no nil key ever reaches `next`.
   */
  lenientKeys: boolean;
}

export function createModuleInfo(chunk: string, sites: (number | string)[][], fns: string[], processMode = false): ModuleInfo {
  return { chunk, sites, fns, lenientKeys: processMode };
}

/** A Lua error at a site: `chunk:line: message`, with the n-th operand description appended when known. */
export function siteError(M: ModuleInfo, s: number, message: string, operand = 1): LuaError {
  const site = M.sites[s];
  const line = site === undefined ? 0 : (site[0] as number);
  const desc = site === undefined ? '' : ((site[operand] as string | undefined) ?? '');
  return luaErrorAt(M.chunk, line, desc ? `${message} (${desc})` : message);
}

const MAX_META_CHAIN = 100;

export function index(o: unknown, k: unknown, M: ModuleInfo, s: number, d?: boolean): unknown {
  // A table without a metatable: a raw read. Compiled code comes here for keys its inline path misses (`t[i]` past
  // the array part, a leaf's `tree[1]`): kept small so the optimizer can inline it into the call site.
  if (o instanceof LuaTable && o[MT] === undefined) return typeof k === 'string' ? o[k] : rawget(o, k);
  if (typeof o === 'string') return indexString(o, k, M, s, d);
  return indexWalk(o, k, M, s, d);
}

/** index() for process-mode generator code: DEFER instead of calling an `__index` function that has a twin. */
export function indexD(o: unknown, k: unknown, M: ModuleInfo, s: number): unknown {
  return index(o, k, M, s, true);
}

/** `s:sub(...)` and `s.x`: the string library through the string metatable's __index table, without the walk. */
function indexString(o: string, k: unknown, M: ModuleInfo, s: number, d: boolean | undefined): unknown {
  const h = getStringMetatable()?.__index;
  if (h instanceof LuaTable && typeof k === 'string') {
    const v = h[k];
    if (v !== undefined) return v;
  }
  return indexWalk(o, k, M, s, d);
}

/**
 * The `__index` walk: up the chain of `__index` tables until a raw value, a function to call, or the end. A string
 * key is read as the table's own property here (no rawget dispatch, and this load site learns only the shapes of
 * tables that have metatables: class chains, proxies), any other key through rawget.
 */
function indexWalk(o: unknown, k: unknown, M: ModuleInfo, s: number, d: boolean | undefined): unknown {
  for (let loop = 0; loop < MAX_META_CHAIN; loop++) {
    let h: unknown;
    if (o instanceof LuaTable) {
      const v = typeof k === 'string' ? o[k] : rawget(o, k);
      if (v !== undefined) return v;
      const mt = o[MT];
      if (mt === undefined) return undefined;
      h = mt.__index;
      if (h === undefined) return undefined;
    } else {
      h = getMetamethod(o, '__index');
      if (h === undefined) throw siteError(M, s, `attempt to index a ${typeName(o)} value`);
    }
    if (typeof h === 'function') {
      if (d === true && (TRANSFER.on || (h as Twinned).$y !== undefined)) return deferCall(h, 2, o, k, undefined, AS_VALUE);
      if (PURE.on) abortPure();
      const r = h(o, k);
      return r === TAIL ? bounce() : r;
    }
    o = h;
  }
  throw siteError(M, s, "'__index' chain too long; possible loop");
}

/** Global read when the globals table has no such raw key: only a metatable on _G can give a value. */
export function gget(G: LuaTable, name: string): unknown {
  const mt = G[MT];
  if (mt === undefined) return undefined;
  return index(G, name, GLOBAL_SITE, 0);
}

/** gget() for process-mode generator code (a function `__index` on _G may defer). */
export function ggetD(G: LuaTable, name: string): unknown {
  const mt = G[MT];
  if (mt === undefined) return undefined;
  return index(G, name, GLOBAL_SITE, 0, true);
}

const GLOBAL_SITE: ModuleInfo = { chunk: '?', sites: [[0]], fns: [], lenientKeys: false };

export function setindex(o: unknown, k: unknown, v: unknown, M: ModuleInfo, s: number, d?: boolean): unknown {
  // Appending at #t + 1 to a plain table (`t[#t + 1] = v`, `t[i] = v` filling a list) is the common slow-path store
  // (compiled code inlines only stores to existing array slots); no hash part means no keys to migrate. Small, so it
  // can be inlined into compiled code; everything else is in setindexMeta.
  if (o instanceof LuaTable && typeof k === 'number' && v !== undefined && o[MT] === undefined) {
    const arr = o[ARR];
    if (k === arr.length + 1 && o[HASH] === undefined && !Object.isFrozen(o)) {
      if (k === 1) o[ARR] = [v]; // the empty array part may be the shared EMPTY_ARRAY
      else arr.push(v);
      return undefined;
    }
  }
  return setindexMeta(o, k, v, M, s, d);
}

/** setindex() for process-mode generator code: DEFER instead of calling a `__newindex` function that has a twin. */
export function setindexD(o: unknown, k: unknown, v: unknown, M: ModuleInfo, s: number): unknown {
  return setindex(o, k, v, M, s, true);
}

function setindexMeta(o: unknown, k: unknown, v: unknown, M: ModuleInfo, s: number, d: boolean | undefined): unknown {
  for (let loop = 0; loop < MAX_META_CHAIN; loop++) {
    let h: unknown;
    if (o instanceof LuaTable) {
      const mt = o[MT];
      if (mt === undefined || rawget(o, k) !== undefined || (h = mt.__newindex) === undefined) {
        rawsetChecked(o, k, v, M, s);
        return undefined;
      }
    } else {
      h = getMetamethod(o, '__newindex');
      if (h === undefined) throw siteError(M, s, `attempt to index a ${typeName(o)} value`);
    }
    if (typeof h === 'function') {
      if (d === true && (TRANSFER.on || (h as Twinned).$y !== undefined)) return deferCall(h, 3, o, k, v, AS_NOTHING);
      if (h(o, k, v) === TAIL) bounce();
      return undefined;
    }
    o = h;
  }
  throw siteError(M, s, "'__newindex' chain too long; possible loop");
}

function rawsetChecked(t: LuaTable, k: unknown, v: unknown, M: ModuleInfo, s: number): void {
  if (k === undefined || (typeof k === 'number' && k !== k)) {
    if (M.lenientKeys) return;
    throw siteError(M, s, k === undefined ? 'table index is nil' : 'table index is NaN', 99);
  }
  if (Object.isFrozen(t)) throw siteError(M, s, 'attempt to modify a read-only table', 99);
  rawset(t, k, v);
}

/** `[k] = v` in a table constructor. */
export function tset(t: LuaTable, k: unknown, v: unknown, M: ModuleInfo, s: number): void {
  rawsetChecked(t, k, v, M, s);
}

/** Positional items of a table constructor (they win over `[i] = v` fields of the same constructor). */
export function setlist(t: LuaTable, items: unknown[]): void {
  if (t[ARR].length === 0 && t[HASH] === undefined) {
    const len = items.length;
    let n = len;
    while (n > 0 && items[n - 1] === undefined) n--;
    // setting an array's length is a call into V8 even when it does not change
    if (n !== len) items.length = n;
    t[ARR] = items;
    return;
  }
  for (let i = 0; i < items.length; i++) rawset(t, i + 1, items[i]);
}

// ---- arithmetic ----

const EVENTS: Record<string, string> = {
  '+': '__add', '-': '__sub', '*': '__mul', '/': '__div', '%': '__mod', '^': '__pow', '//': '__idiv',
  '&': '__band', '|': '__bor', '~': '__bxor', '<<': '__shl', '>>': '__shr',
};

function toNumberCoerce(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return stringToNumber(v);
  return undefined;
}

/** Lua's `%` on numbers (go-lua: fmod, then the sign of the divisor). */
export function mod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

function arithNumbers(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '%': return mod(a, b);
    case '^': return Math.pow(a, b);
    default: throw new Error(`internal: arith ${op}`);
  }
}

function metaBinary(event: string, a: unknown, b: unknown): unknown {
  let h = getMetamethod(a, event);
  if (h === undefined) h = getMetamethod(b, event);
  return h;
}

/** The arithmetic handler of metatable `mt` for `op`, read by name (one cheap property load per event). */
function arithEvent(mt: LuaTable, op: string): unknown {
  switch (op) {
    case '+': return mt.__add;
    case '-': return mt.__sub;
    case '*': return mt.__mul;
    case '/': return mt.__div;
    case '%': return mt.__mod;
    case '^': return mt.__pow;
    default: return mt[EVENTS[op]!];
  }
}

export function arith(op: string, a: unknown, b: unknown, M: ModuleInfo, s: number, d?: boolean): unknown {
  // Objects with operator metamethods (a table is never coerced to a number, so its handler comes first): the
  // handler of a, else of b (lvm.c call_binTM), called directly.
  if (a instanceof LuaTable) {
    const mt = a[MT];
    const h = mt === undefined ? undefined : arithEvent(mt, op);
    if (typeof h === 'function') return callHandler(h, a, b, d, AS_VALUE);
  } else if (b instanceof LuaTable && typeof a === 'number') {
    const mt = b[MT];
    const h = mt === undefined ? undefined : arithEvent(mt, op);
    if (typeof h === 'function') return callHandler(h, a, b, d, AS_VALUE);
  }
  const x = toNumberCoerce(a);
  const y = toNumberCoerce(b);
  if (x !== undefined && y !== undefined) return arithNumbers(op, x, y);
  const h = metaBinary(EVENTS[op]!, a, b);
  if (h !== undefined) return callFirst(h, a, b, d, AS_VALUE);
  const bad = x === undefined ? a : b;
  throw siteError(M, s, `attempt to perform arithmetic on a ${typeName(bad)} value`, x === undefined ? 1 : 2);
}

/** arith() for process-mode generator code (an operator handler with a twin may defer). */
export function arithD(op: string, a: unknown, b: unknown, M: ModuleInfo, s: number): unknown {
  return arith(op, a, b, M, s, true);
}

/**
 * A metamethod the caller checked is a JS function, called with two operands; its first result only. With `d`, a
 * handler that has a twin is deferred, its result to be taken as `kind` says.
 */
function callHandler(h: unknown, a: unknown, b: unknown, d: boolean | undefined, kind: number): unknown {
  if (d === true && (TRANSFER.on || (h as Twinned).$y !== undefined)) return deferCall(h, 2, a, b, undefined, kind);
  if (PURE.on) abortPure();
  let r = (h as (a: unknown, b: unknown) => unknown)(a, b);
  if (r === TAIL) r = bounce();
  R.n = 1;
  return r;
}

/** A handler of any callable kind (a `__call` object too), with two operands; its first result only. */
function callFirst(h: unknown, a: unknown, b: unknown, d: boolean | undefined, kind: number): unknown {
  if (d === true && defers(h)) return deferCall(h, 2, a, b, undefined, kind);
  if (PURE.on) abortPure();
  const r = call2(h, a, b);
  R.n = 1;
  return r;
}

export function unm(a: unknown, M: ModuleInfo, s: number, d?: boolean): unknown {
  if (a instanceof LuaTable) {
    const h = a[MT]?.__unm;
    if (typeof h === 'function') return callHandler(h, a, a, d, AS_VALUE);
  }
  const x = toNumberCoerce(a);
  if (x !== undefined) return -x;
  const h = getMetamethod(a, '__unm');
  if (h !== undefined) return callFirst(h, a, a, d, AS_VALUE);
  throw siteError(M, s, `attempt to perform arithmetic on a ${typeName(a)} value`);
}

/** unm() for process-mode generator code. */
export function unmD(a: unknown, M: ModuleInfo, s: number): unknown {
  return unm(a, M, s, true);
}

// ---- integer operators (Wippy, spec §1.3) ----

/** Operand of `//` and the bitwise operators: numbers are truncated toward zero, strings are not coerced. */
function intOperand(v: unknown, op: string, M: ModuleInfo, s: number, which: number): number | undefined {
  if (typeof v === 'number') return Math.trunc(v);
  void op;
  void M;
  void s;
  void which;
  return undefined;
}

/** `//` and the bitwise operators take numbers only: no string coercion and no metamethods (go-lua vm.go). */
function intMeta(op: string, a: unknown, b: unknown, M: ModuleInfo, s: number, x: number | undefined): unknown {
  const bad = x === undefined ? a : b;
  const verb = op === '//' ? 'perform arithmetic on' : 'perform bitwise operation on';
  throw siteError(M, s, `attempt to ${verb} a ${typeName(bad)} value`, x === undefined ? 1 : 2);
}

export function idiv(a: unknown, b: unknown, M: ModuleInfo, s: number): unknown {
  const x = intOperand(a, '//', M, s, 1);
  const y = intOperand(b, '//', M, s, 2);
  if (x === undefined || y === undefined) return intMeta('//', a, b, M, s, x);
  if (y === 0) throw siteError(M, s, 'attempt to divide by zero', 99);
  return Math.floor(x / y);
}

function toInt64(n: number): bigint {
  return BigInt.asIntN(64, BigInt(n));
}

function fromInt64(b: bigint): number {
  return Number(BigInt.asIntN(64, b));
}

function isInt32(n: number): boolean {
  return (n | 0) === n;
}

export function band(a: unknown, b: unknown, M: ModuleInfo, s: number): unknown {
  const x = intOperand(a, '&', M, s, 1);
  const y = intOperand(b, '&', M, s, 2);
  if (x === undefined || y === undefined) return intMeta('&', a, b, M, s, x);
  if (isInt32(x) && isInt32(y)) return x & y;
  return fromInt64(toInt64(x) & toInt64(y));
}

export function bor(a: unknown, b: unknown, M: ModuleInfo, s: number): unknown {
  const x = intOperand(a, '|', M, s, 1);
  const y = intOperand(b, '|', M, s, 2);
  if (x === undefined || y === undefined) return intMeta('|', a, b, M, s, x);
  if (isInt32(x) && isInt32(y)) return x | y;
  return fromInt64(toInt64(x) | toInt64(y));
}

export function bxor(a: unknown, b: unknown, M: ModuleInfo, s: number): unknown {
  const x = intOperand(a, '~', M, s, 1);
  const y = intOperand(b, '~', M, s, 2);
  if (x === undefined || y === undefined) return intMeta('~', a, b, M, s, x);
  if (isInt32(x) && isInt32(y)) return x ^ y;
  return fromInt64(toInt64(x) ^ toInt64(y));
}

export function shl(a: unknown, b: unknown, M: ModuleInfo, s: number): unknown {
  const x = intOperand(a, '<<', M, s, 1);
  const y = intOperand(b, '<<', M, s, 2);
  if (x === undefined || y === undefined) return intMeta('<<', a, b, M, s, x);
  return shiftLeft(x, y);
}

export function shr(a: unknown, b: unknown, M: ModuleInfo, s: number): unknown {
  const x = intOperand(a, '>>', M, s, 1);
  const y = intOperand(b, '>>', M, s, 2);
  if (x === undefined || y === undefined) return intMeta('>>', a, b, M, s, x);
  return shiftLeft(x, -y);
}

/**
 * int64 shift (go-lua vm.go OP_SHL/OP_SHR): a negative count shifts the other way, right shifts are arithmetic
 * (sign-extending), and a count of 64 or more either way gives 0, even for a negative operand.
 */
function shiftLeft(x: number, n: number): number {
  if (n >= 64 || n < -63) return 0;
  if (n >= 0) return fromInt64(toInt64(x) << BigInt(n));
  return fromInt64(toInt64(x) >> BigInt(-n));
}

export function bnot(a: unknown, M: ModuleInfo, s: number): unknown {
  const x = intOperand(a, '~', M, s, 1);
  if (x === undefined) {
    throw siteError(M, s, `attempt to perform bitwise operation on a ${typeName(a)} value`);
  }
  return isInt32(x) ? ~x : fromInt64(~toInt64(x));
}

// ---- length, concatenation ----

export function len(a: unknown, M: ModuleInfo, s: number, d?: boolean): unknown {
  if (typeof a === 'string') return a.length;
  const h = getMetamethod(a, '__len');
  if (h !== undefined) return callFirst(h, a, undefined, d, AS_VALUE);
  if (a instanceof LuaTable) return rawlen(a);
  throw siteError(M, s, `attempt to get length of a ${typeName(a)} value`);
}

/** len() for process-mode generator code. */
export function lenD(a: unknown, M: ModuleInfo, s: number): unknown {
  return len(a, M, s, true);
}

/** concat() for process-mode generator code. */
export function concatD(a: unknown, b: unknown, M: ModuleInfo, s: number): unknown {
  return concat(a, b, M, s, true);
}

export function concat(a: unknown, b: unknown, M: ModuleInfo, s: number, d?: boolean): unknown {
  const x = typeof a === 'string' ? a : typeof a === 'number' ? numberToString(a) : undefined;
  const y = typeof b === 'string' ? b : typeof b === 'number' ? numberToString(b) : undefined;
  if (x !== undefined && y !== undefined) return x + y;
  const h = metaBinary('__concat', a, b);
  if (h !== undefined) return callFirst(h, a, b, d, AS_VALUE);
  const badFirst = x === undefined;
  throw siteError(M, s, `attempt to concatenate a ${typeName(badFirst ? a : b)} value`, badFirst ? 1 : 2);
}

// ---- comparison ----

/** `a == b` after `a === b` failed: only two tables or two userdata may be equal, through `__eq`. */
export function eqmeta(a: unknown, b: unknown): boolean {
  return eqWith(a, b, undefined) as boolean;
}

/** eqmeta() for process-mode generator code: a boolean, or DEFER. */
export function eqmetaD(a: unknown, b: unknown): unknown {
  return eqWith(a, b, true);
}

function eqWith(a: unknown, b: unknown, d: boolean | undefined): unknown {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof LuaTable && b instanceof LuaTable) {
    const mt = a[MT];
    if (mt === undefined) return false;
    const h = mt.__eq;
    if (typeof h === 'function' && mt === b[MT]) {
      const r = callHandler(h, a, b, d, AS_TRUTH);
      return r === DEFER ? r : r !== undefined && r !== false;
    }
  }
  const ta = a instanceof LuaTable;
  if (ta !== b instanceof LuaTable) return false;
  const h1 = getMetamethod(a, '__eq');
  if (h1 === undefined) return false;
  const h2 = sameMetatable(a, b) ? h1 : getMetamethod(b, '__eq');
  // Lua 5.1 (lvm.c get_compTM): both operands must have the same __eq handler.
  if (h1 !== h2) return false;
  if (d === true && defers(h1)) return deferCall(h1, 2, a, b, undefined, AS_TRUTH);
  if (PURE.on) abortPure();
  const r = call2(h1, a, b);
  return r !== undefined && r !== false;
}

/** Two tables sharing one metatable (objects of one class) have the same handlers: one lookup is enough. */
function sameMetatable(a: unknown, b: unknown): boolean {
  return a instanceof LuaTable && b instanceof LuaTable && a[MT] === b[MT];
}

function compareError(a: unknown, b: unknown, M: ModuleInfo | undefined, s: number): LuaError {
  const t1 = typeName(a);
  const t2 = typeName(b);
  const msg = t1 === t2 ? `attempt to compare two ${t1} values` : `attempt to compare ${t1} with ${t2}`;
  // From library code (table.sort) there is no Lua position, as in PUC Lua where the comparison runs in C.
  return M === undefined ? new LuaError(msg) : siteError(M, s, msg, 99);
}

export function lt(a: unknown, b: unknown, M: ModuleInfo | undefined, s: number): boolean {
  return ltWith(a, b, M, s, undefined) as boolean;
}

/** lt() for process-mode generator code: a boolean, or DEFER. */
export function ltD(a: unknown, b: unknown, M: ModuleInfo, s: number): unknown {
  return ltWith(a, b, M, s, true);
}

function ltWith(a: unknown, b: unknown, M: ModuleInfo | undefined, s: number, d: boolean | undefined): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  if (a instanceof LuaTable && b instanceof LuaTable) {
    // objects of one class: one metatable, so one handler (lvm.c call_orderTM's two lookups agree)
    const mt = a[MT];
    const h = mt !== undefined && mt === b[MT] ? mt.__lt : undefined;
    if (typeof h === 'function') {
      const r = callHandler(h, a, b, d, AS_TRUTH);
      return r === DEFER ? r : r !== undefined && r !== false;
    }
  }
  if (typeName(a) === typeName(b)) {
    const h = getMetamethod(a, '__lt');
    if (h !== undefined && (sameMetatable(a, b) || h === getMetamethod(b, '__lt'))) {
      if (d === true && defers(h)) return deferCall(h, 2, a, b, undefined, AS_TRUTH);
      if (PURE.on) abortPure();
      const r = call2(h, a, b);
      return r !== undefined && r !== false;
    }
  }
  throw compareError(a, b, M, s);
}

export function le(a: unknown, b: unknown, M: ModuleInfo | undefined, s: number): boolean {
  return leWith(a, b, M, s, undefined) as boolean;
}

/** le() for process-mode generator code: a boolean, or DEFER. */
export function leD(a: unknown, b: unknown, M: ModuleInfo, s: number): unknown {
  return leWith(a, b, M, s, true);
}

function leWith(a: unknown, b: unknown, M: ModuleInfo | undefined, s: number, d: boolean | undefined): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  if (typeof a === 'string' && typeof b === 'string') return a <= b;
  if (a instanceof LuaTable && b instanceof LuaTable) {
    const mt = a[MT];
    const h = mt !== undefined && mt === b[MT] ? mt.__le : undefined;
    if (typeof h === 'function') {
      const r = callHandler(h, a, b, d, AS_TRUTH);
      return r === DEFER ? r : r !== undefined && r !== false;
    }
  }
  if (typeName(a) === typeName(b)) {
    const h = getMetamethod(a, '__le');
    if (h !== undefined && (sameMetatable(a, b) || h === getMetamethod(b, '__le'))) {
      if (d === true && defers(h)) return deferCall(h, 2, a, b, undefined, AS_TRUTH);
      if (PURE.on) abortPure();
      const r = call2(h, a, b);
      return r !== undefined && r !== false;
    }
    // Lua 5.1: without __le, a <= b is not (b < a) through __lt.
    const l = getMetamethod(b, '__lt');
    if (l !== undefined && l === getMetamethod(a, '__lt')) {
      if (d === true && defers(l)) return deferCall(l, 2, b, a, undefined, AS_FALSITY);
      if (PURE.on) abortPure();
      const r = call2(l, b, a);
      return r === undefined || r === false;
    }
  }
  throw compareError(a, b, M, s);
}

/** A library-side comparison (table.sort's default order): `a < b` with Lua's rules, raising without a site. */
export function lessThan(a: unknown, b: unknown): boolean {
  return lt(a, b, undefined, 0);
}

/** A numeric for's start/limit/step: numbers, or strings convertible to numbers (Lua 5.1 forprep). */
export function fornum(v: unknown, M: ModuleInfo, s: number): number {
  const x = toNumberCoerce(v);
  if (x !== undefined) return x;
  const which = (M.sites[s]?.[1] as string | undefined) ?? 'initial';
  const site = M.sites[s];
  throw luaErrorAt(M.chunk, site === undefined ? 0 : (site[0] as number), which === 'initial' ? "'for' initial value must be a number" : `'for' ${which} must be a number`);
}

/** Calls a non-function value (through `__call`) or raises "attempt to call a nil value (global 'f')". */
export function callx(f: unknown, M: ModuleInfo, s: number, ...args: unknown[]): unknown {
  const h = getMetamethod(f, '__call');
  if (h === undefined) throw siteError(M, s, `attempt to call a ${typeName(f)} value`);
  if (PURE.on) abortPure();
  if (typeof h === 'function') {
    // a callable object: its handler gets the object first
    const r = h(f, ...args);
    return r === TAIL ? bounce() : r;
  }
  return callMeta(f, args);
}

export { getMetatable };
