// The `table` library as Wippy's go-lua defines it (tablelib.go, `tableFuncs`): getn concat insert maxn remove sort
// create freeze isfrozen unpack. Everything is raw (no __index/__newindex/__len), as in go-lua, which works on the
// table's array part directly. Functions whose behaviour depends on how many arguments were passed (go-lua's
// `L.GetTop()`) read `arguments.length`: compiled calls pass exactly the Lua arguments.
import type { Twinned } from '../../../abi/index.js';
import { ARR, FROZEN, HASH } from '../../core/symbols.js';
import { LuaTable, absorbHash, rawget, rawlen, rawset } from '../../core/table.js';
import { R, ret0, ret1 } from '../../core/results.js';
import { luaError } from '../../core/errors.js';
import { checkInt, checkTable, typeError } from '../../core/args.js';
import { numberToString } from '../../core/number-format.js';
import { typeName, userdataString } from '../../core/value.js';
import { comparatorLess, sortDefault, sortWith } from './sort.js';
import { sortWithY } from './sort-y.js';
import { deferGen } from '../../core/defer.js';
import type { LuaGen } from '../../core/coroutine.js';
import { withMayDefer } from '../meta-twins.js';

/** go-lua's MaxArrayIndex: integer keys from here on live in the hash part and `maxn` ignores them. */
const MAX_ARRAY_INDEX = 67108864;
/** More results than this from `unpack` raise instead of exhausting memory. */
const MAX_UNPACK = 8_000_000;

function isFrozen(t: LuaTable): boolean {
  return (t as unknown as Record<symbol, unknown>)[FROZEN] === true;
}

/**
 * The error of insert/remove/sort on a frozen table: a table of the runtime shared between processes (frozen JS
 * object, runtime/core/read-only.ts) raises the read-only error of every other write into it; a table frozen by
 * Lua code (table.freeze) raises go-lua's tablelib.go message.
 */
function frozenError(t: LuaTable, goLuaMessage: string): never {
  throw luaError(Object.isFrozen(t) ? 'attempt to modify a read-only table' : goLuaMessage);
}

/** go-lua's OptInt: nil gives the default, a number is truncated, anything else (strings too) is an error. */
function optIntStrict(v: unknown, n: number, fname: string, def: number): number {
  if (v === undefined) return def;
  if (typeof v === 'number') return Math.trunc(v);
  throw typeError(n, fname, 'number', v);
}

/**
 * table.insert(t, v) appends (a nil value is a no-op: go-lua `LTable.Append`); table.insert(t, pos, v) shifts
 * up when 1 <= pos <= #t, and otherwise is a plain raw set (`LTable.Insert`). go-lua raises "wrong number of
 * arguments" for a single argument and ignores arguments past the third (PUC 5.1 raises for both).
 */
function insert(t: unknown, a: unknown, b: unknown): undefined {
  const nargs = arguments.length;
  const tbl = checkTable(t, 1, 'insert');
  if (nargs === 1) throw luaError('wrong number of arguments');
  const arr = tbl[ARR];
  if (nargs === 2) {
    if (isFrozen(tbl)) frozenError(tbl, 'attempt to insert into Immutable table');
    if (a !== undefined) {
      // the common `table.insert(t, v)`: a plain push unless the hash part may hold the keys that follow
      const h = tbl[HASH];
      if (h !== undefined && h.size > 0) rawset(tbl, arr.length + 1, a);
      else if (arr.length === 0) tbl[ARR] = [a]; // the empty array part may be the shared EMPTY_ARRAY
      else arr.push(a);
    }
    return ret0();
  }
  const pos = checkInt(a, 2, 'insert');
  if (isFrozen(tbl)) frozenError(tbl, 'attempt to insert into Immutable table');
  const n = arr.length;
  if (pos < 1 || pos > n) {
    rawset(tbl, pos, b);
    return ret0();
  }
  arr.splice(pos - 1, 0, b);
  const h = tbl[HASH];
  if (h !== undefined && h.size > 0) absorbHash(arr, h);
  return ret0();
}

/**
 * table.remove(t) removes the last element; table.remove(t, pos) shifts down. go-lua (`LTable.Remove`) always
 * returns one value (nil when nothing was removed), does nothing for pos > #t, and removes the LAST element
 * for pos <= 0. PUC 5.1 returns no value when pos is out of range.
 */
function remove(t: unknown, p: unknown): unknown {
  const nargs = arguments.length;
  const tbl = checkTable(t, 1, 'remove');
  const pos = nargs === 1 ? -1 : checkInt(p, 2, 'remove');
  if (isFrozen(tbl)) frozenError(tbl, 'attempt to remove from Immutable table');
  const arr = tbl[ARR];
  const n = arr.length;
  if (n === 0 || pos > n) return ret1(undefined);
  if (pos === n || pos < 1) {
    const v = arr[n - 1];
    rawset(tbl, n, undefined); // pops and trims trailing holes
    return ret1(v);
  }
  const v = arr[pos - 1];
  arr.splice(pos - 1, 1);
  return ret1(v);
}

/**
 * table.concat(t [, sep [, i [, j]]]), go-lua `tableConcat`: j is clamped to #t and i into [1, #t], so
 * out-of-range bounds never reach a nil (PUC raises there); with exactly three arguments an i outside [1, #t]
 * gives "". Only what go-lua's LVCanConvToString takes is accepted: strings, numbers (formatted as tostring does)
 * and error values (their message).
 */
function concat(t: unknown, sepArg: unknown, iArg: unknown, jArg: unknown): string {
  const nargs = arguments.length;
  const tbl = checkTable(t, 1, 'concat');
  let sep = '';
  if (sepArg !== undefined) {
    if (typeof sepArg !== 'string') throw typeError(2, 'concat', 'string', sepArg);
    sep = sepArg;
  }
  const arr = tbl[ARR];
  const n = arr.length;
  let i = optIntStrict(iArg, 3, 'concat', 1);
  let j = optIntStrict(jArg, 4, 'concat', n);
  if (nargs === 3 && (i > n || i < 1)) return ret1('');
  i = Math.max(Math.min(i, n), 1);
  j = Math.min(j, n);
  if (i > j) return ret1('');
  if (i === 1 && j === n && allStrings(arr)) return ret1(arr.join(sep)); // the common buffer: no copy
  const parts = new Array<string>(j - i + 1);
  for (let k = i; k <= j; k++) {
    const v = arr[k - 1];
    if (typeof v === 'string') parts[k - i] = v;
    else if (typeof v === 'number') parts[k - i] = numberToString(v);
    else parts[k - i] = userdataString(v) ?? invalidConcatValue(v, k);
  }
  return ret1(parts.join(sep));
}

function allStrings(arr: unknown[]): boolean {
  for (let k = 0; k < arr.length; k++) if (typeof arr[k] !== 'string') return false;
  return true;
}

function invalidConcatValue(v: unknown, k: number): never {
  throw luaError(`invalid value (${typeName(v)}) at index ${k} in table for concat`);
}

/**
 * table.sort(t [, comp]), go-lua `tableSort`: sorts the array part; a second argument, even nil, must be a
 * function (`L.CheckFunction(2)` whenever more than one argument is passed).
 */
function sort(t: unknown, comp: unknown): undefined {
  const nargs = arguments.length;
  const tbl = checkTable(t, 1, 'sort');
  if (isFrozen(tbl)) frozenError(tbl, 'attempt to sort Immutable table');
  if (nargs > 1 && typeof comp !== 'function') throw typeError(2, 'sort', 'function', comp);
  const arr = tbl[ARR];
  if (nargs > 1) sortWith(arr, comparatorLess(comp));
  else sortDefault(arr);
  return ret0();
}

/**
 * table.sort's may-defer form, which process-mode generator code calls (runtime/lib/meta-twins.ts withMayDefer): a
 * comparator that has a generator twin (it loops, recurses or calls unknown code) runs as that twin in sort-y.ts, so
 * it gives way at its budget and process.terminate can end it; anything else sorts plainly, at once.
 */
function sortM(t: unknown, comp: unknown): unknown {
  if (arguments.length < 2 || typeof comp !== 'function' || (comp as Twinned).$y === undefined) {
    return arguments.length < 2 ? (sort as (t: unknown) => undefined)(t) : sort(t, comp);
  }
  const tbl = checkTable(t, 1, 'sort');
  if (isFrozen(tbl)) frozenError(tbl, 'attempt to sort Immutable table');
  return deferGen(sortGen(tbl[ARR], comp));
}

function* sortGen(arr: unknown[], comp: unknown): LuaGen {
  yield* sortWithY(arr, comp);
  return ret0();
}

/** table.getn(t): the raw length (go-lua `LTable.Len`, no __len). */
function getn(t: unknown): number {
  return ret1(rawlen(checkTable(t, 1, 'getn')));
}

/**
 * table.maxn(t): go-lua `LTable.MaxN` is the last non-nil slot of the array part, where go-lua keeps every
 * integer key in [1, MaxArrayIndex); so the largest such key here (float keys, which PUC counts, are ignored).
 */
function maxn(t: unknown): number {
  const tbl = checkTable(t, 1, 'maxn');
  let max = tbl[ARR].length;
  const h = tbl[HASH];
  if (h !== undefined) {
    for (const k of h.keys()) {
      if (typeof k === 'number' && k > max && k < MAX_ARRAY_INDEX && Number.isInteger(k)) max = k;
    }
  }
  return ret1(max);
}

/** table.unpack(t [, i [, j]]): go-lua `baseUnpack` (the same function as the global `unpack`). */
export function unpack(t: unknown, iArg: unknown, jArg: unknown): unknown {
  const tbl = checkTable(t, 1, 'unpack');
  const i = optIntStrict(iArg, 2, 'unpack', 1);
  const j = optIntStrict(jArg, 3, 'unpack', rawlen(tbl));
  if (i > j) return ret0();
  const n = j - i + 1;
  if (n >= MAX_UNPACK) throw luaError('too many results to unpack');
  const arr = tbl[ARR];
  // The results go straight into the registers (rawget calls no Lua code), without an array of their own.
  const rv = R.rv;
  if (i >= 1 && j <= arr.length) {
    for (let k = 1; k < n; k++) rv[k] = arr[i - 1 + k];
    R.n = n;
    return arr[i - 1];
  }
  for (let k = 1; k < n; k++) rv[k] = rawget(tbl, i + k);
  R.n = n;
  return rawget(tbl, i);
}

/** table.create(narr, nhash): both sizes are required hints (go-lua `tableCreate`); JS needs no preallocation. */
function create(narr: unknown, nhash: unknown): LuaTable {
  checkInt(narr, 1, 'create');
  checkInt(nhash, 2, 'create');
  return ret1(new LuaTable());
}

/** table.freeze(t): marks t immutable and returns it (go-lua `tableMakeImmutable`). */
function freeze(t: unknown): LuaTable {
  const tbl = checkTable(t, 1, 'freeze');
  (tbl as unknown as Record<symbol, unknown>)[FROZEN] = true;
  return ret1(tbl);
}

/** table.isfrozen(t) (go-lua `tableIsImmutable`). */
function isfrozen(t: unknown): boolean {
  return ret1(isFrozen(checkTable(t, 1, 'isfrozen')));
}

export function openTableLib(): LuaTable {
  const lib = new LuaTable();
  lib.getn = getn;
  lib.concat = concat;
  lib.insert = insert;
  lib.maxn = maxn;
  lib.remove = remove;
  lib.sort = withMayDefer(sort, sortM);
  lib.create = create;
  lib.freeze = freeze;
  lib.isfrozen = isfrozen;
  lib.unpack = unpack;
  return lib;
}
