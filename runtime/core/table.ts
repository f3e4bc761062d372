// LuaTable: Lua's table. String keys are own JS properties of the table object (fast V8 named access for `t.x`);
// the array part, the other keys and the metatable live under Symbols (symbols.ts). The prototype chain is a single
// empty object with a null prototype, so `__proto__`, `constructor` or `toString` are plain keys (sandbox rule).
// What does not live here: metamethod dispatch (ops.ts) and `next` for hash keys is below, iteration order is
// array part, then string keys, then other keys.
import { ARR, CLEARS, DYNKEYS, HASH, MT } from './symbols.js';
import { luaError } from './errors.js';

/**
 * The array part of every table created without one (`{}`, records): one shared empty array, so an empty table or a
 * record costs no array of its own (32 bytes; binarytrees-style allocation ~40% less GC work). Rule for every writer:
 * an append to an empty array part replaces it (`t[ARR] = [v]`), never pushes (rawset, setindex, compiled stores and
 * table.insert do so; test/perf/empty-array.test.ts checks it stays empty). Not frozen: V8 handles frozen arrays
 * on slower paths (closures and oop ran 10-17% slower with a frozen one).
 */
export const EMPTY_ARRAY: unknown[] = [];

interface KeySnapshot {
  table: LuaTable;
  keys: unknown[];
  pos: number;
}

export class LuaTable {
  [key: string]: unknown;
  declare [ARR]: unknown[];
  declare [HASH]: Map<unknown, unknown> | undefined;
  declare [MT]: LuaTable | undefined;
  /** added only to tables that had a string key set to nil: clearStringKey's count, or DELETES */
  declare [CLEARS]?: number;
  /** added only to tables that got a new string key from a store with a variable key: addKey's state */
  declare [DYNKEYS]?: number;
  /** `arr` becomes the array part (taken over, not copied): it must hold no trailing nil. */
  constructor(arr?: unknown[]) {
    this[ARR] = arr === undefined ? EMPTY_ARRAY : arr;
    this[HASH] = undefined;
    this[MT] = undefined;
  }
}
// The sandbox rule: nothing reachable through a table's prototype chain.
Object.setPrototypeOf(LuaTable.prototype, null);
delete (LuaTable.prototype as { constructor?: unknown }).constructor;

/**
 * A table made from a list of values (`{a, b}`, tableFromArray): a LuaTable in every respect (same prototype chain,
 * no properties of its own prototype), only sized differently by V8 (below).
 */
export class LuaList extends LuaTable {}
delete (LuaList.prototype as { constructor?: unknown }).constructor;

/**
 * A table made by a constructor with three or more constant string keys (`{ id = .., name = .., qty = .. }`, the
 * compiler picks it): sized for eight string keys in the object, where a LuaTable's third key starts a property
 * store beside it that is copied as it grows (three, six, nine slots). Records of a data transform pay that on every
 * row; 112 bytes in all, against 64 + 40 for three keys and 64 + 88 for eight.
 */
export class LuaRecord extends LuaTable {}
delete (LuaRecord.prototype as { constructor?: unknown }).constructor;

// V8 sizes the objects of a class after its first constructions ("slack tracking"): the fields used by the first few
// tables decide the size of every later one. Left alone, the library tables built at start-up (many string keys) pin
// 7 spare in-object fields on every table: 112 bytes where an array-only table needs 48. Throwaway tables settle the
// sizes: a LuaTable at its 3 internal fields + 2 in-object keys (64 bytes), so `{x = .., y = ..}` records and
// `local o = {}; o.a, o.b = ..` objects keep their fields in-object; a LuaList, whose keys are mostly in its array
// part, at its 3 internal fields (48 bytes), which cuts binarytrees-style GC work; a LuaRecord at its 3 internal
// fields + 8 in-object keys (112 bytes). Symbols: no Lua key is touched.
{
  const a = Symbol('slack.a');
  const b = Symbol('slack.b');
  const r = Array.from({ length: 8 }, (_, i) => Symbol(`slack.r${i}`));
  for (let i = 0; i < 8; i++) {
    const rec = new LuaRecord() as unknown as Record<symbol, unknown>;
    for (const sym of r) rec[sym] = 0;
    void new LuaList([]);
    const t = new LuaTable() as unknown as Record<symbol, unknown>;
    t[a] = 0;
    t[b] = 0;
  }
}

export function isTable(v: unknown): v is LuaTable {
  return v instanceof LuaTable;
}

/** A table whose array part is `items` (taken over, not copied). Trailing nils are dropped. */
export function tableFromArray(items: unknown[]): LuaTable {
  let n = items.length;
  if (n > 0 && items[n - 1] === undefined) {
    while (n > 0 && items[n - 1] === undefined) n--;
    items.length = n;
  }
  return new LuaList(items);
}

/** A table with the given string-keyed fields (values that are undefined are skipped). */
export function tableFromRecord(fields: Record<string, unknown>): LuaTable {
  const t = new LuaTable();
  for (const k of Object.keys(fields)) {
    const v = fields[k];
    if (v !== undefined) t[k] = v;
  }
  return t;
}

export function rawget(t: LuaTable, k: unknown): unknown {
  if (typeof k === 'string') return t[k];
  if (typeof k === 'number') {
    const arr = t[ARR];
    if (k >= 1 && k <= arr.length && Number.isInteger(k)) return arr[k - 1];
  }
  const h = t[HASH];
  return h === undefined ? undefined : h.get(k);
}

/**
 * A store with a variable key (`seen[name] = true`, `obj[k] = v`) adding string key `k` (not yet present, `v` not
 * nil) to table `t`. V8 gives an object a hidden class per sequence of added keys. A decoder's records get their
 * keys in the same order each time and share a few hidden classes, which make their field reads fast; a table used
 * as a set or a map of data (customer names, words) gets its keys in an order of its own, so V8 makes a new hidden
 * class for each of its keys, up to the ~14 keys after which it turns the object into a dictionary (a 70-name set
 * built 11,000 times: 140 ms, against 41 ms for dictionaries from the start).
 *
 * So addKey follows the sequences: SEEN holds a hash of every sequence of such keys met before (its first 14 keys:
 * V8 keeps no longer sequences in hidden classes), and `t[DYNKEYS]` the table's own (the hash, its length and
 * whether the table is a dictionary, in one small integer). A key that continues a known sequence is stored as is (V8
 * reuses the hidden class); one that makes a new sequence turns the table into a dictionary before the store, for
 * good. The first record of each shape becomes a dictionary and teaches SEEN its whole sequence, so later ones of
 * that shape do not; a set becomes one within a key or two. A hash collision only leaves a table to V8's own rule.
 */
const SEEN = new Set<number>();
/** SEEN is cleared past this size: a record shape then costs one more dictionary, no more */
const SEEN_LIMIT = 16384;
const MAX_DEPTH = 14;
const DEPTH_SHIFT = 24;
const HASH_BITS = 0xffffff;
const MAPPED_BIT = 1 << 29;
const DICT_A: unique symbol = Symbol('moonforge.dict.a');
const DICT_B: unique symbol = Symbol('moonforge.dict.b');

/** The hash of a key sequence extended by `k`: its length and three of its bytes stand for the key. */
function extendHash(h: number, k: string): number {
  const n = k.length;
  const bytes = n === 0 ? 0 : k.charCodeAt(0) | (k.charCodeAt(n >> 1) << 8) | (k.charCodeAt(n - 1) << 16);
  return (Math.imul(h ^ bytes, 0x01000193) + n) & HASH_BITS;
}

export function addKey(t: LuaTable, k: string, v: unknown): void {
  const prev = t[DYNKEYS];
  const state = prev === undefined ? 0 : prev;
  const depth = (state >>> DEPTH_SHIFT) & 31;
  if (depth >= MAX_DEPTH) {
    t[k] = v;
    return;
  }
  const seq = extendHash(prev === undefined ? 0x2545f4 : state & HASH_BITS, k) | ((depth + 1) << DEPTH_SHIFT);
  if ((state & MAPPED_BIT) !== 0 || SEEN.has(seq)) {
    t[k] = v; // first: a read-only table throws here, before anything else changes
    t[DYNKEYS] = seq | (state & MAPPED_BIT);
    if ((state & MAPPED_BIT) !== 0) learn(seq);
    return;
  }
  // V8 makes an object a dictionary when a property other than the last one added is deleted. A read-only table
  // throws at the first write, before anything changes.
  const d = t as unknown as Record<symbol, unknown>;
  d[DICT_A] = 0;
  d[DICT_B] = 0;
  delete d[DICT_A];
  delete d[DICT_B];
  t[k] = v;
  t[DYNKEYS] = seq | MAPPED_BIT;
  learn(seq);
}

function learn(seq: number): void {
  if (SEEN.size >= SEEN_LIMIT) SEEN.clear();
  SEEN.add(seq);
}

/**
 * `t.k = nil` on a field that holds a value: the key stays, holding undefined, instead of being deleted. V8 turns an
 * object whose property (other than the last added) is deleted into a dictionary for good: every later field access
 * of that table, and of the code reading it, runs slow (an object whose `link` or `queue` field is cleared in turn,
 * as in a scheduler or a linked list: richards took 1.6x the CPU). A cleared key is nil to every reader: raw reads
 * see undefined; traversals, key counts and conversions skip it (ownStringKeys).
 *
 * A table used as a map (keys added and cleared without end) must not pile up cleared keys: every CHECK_EVERY
 * clears the table's keys are counted (a for-in: cheap for the small objects that keep their keys, and counting
 * only every so often keeps it linear for big ones); beyond SMALL_TABLE keys its cleared keys are deleted and so is
 * every later one (`t[CLEARS] === DELETES`): V8 keeps a table that big as a dictionary anyway.
 */
const CHECK_EVERY = 64;
const SMALL_TABLE = 32;
const DELETES = -1;

function clearStringKey(t: LuaTable, k: string): void {
  if (t[k] === undefined) return;
  const clears = t[CLEARS];
  if (clears === DELETES) {
    delete t[k];
    return;
  }
  t[k] = undefined; // first: a read-only table throws here, before anything else changes
  if (clears === undefined) t[CLEARS] = 1;
  else if (clears < CHECK_EVERY) t[CLEARS] = clears + 1;
  else settleClears(t);
}

function settleClears(t: LuaTable): void {
  let n = 0;
  for (const _ in t) n++;
  if (n <= SMALL_TABLE) {
    t[CLEARS] = 0;
    return;
  }
  for (const key in t) if (t[key] === undefined) delete t[key];
  t[CLEARS] = DELETES;
}

/** The string keys of `t` whose value is not nil (a cleared field may still be a key holding undefined). */
export function ownStringKeys(t: LuaTable): string[] {
  const keys = Object.keys(t);
  for (let i = 0; i < keys.length; i++) {
    if (t[keys[i]!] === undefined) return keys.filter((key) => t[key] !== undefined);
  }
  return keys;
}

export function rawset(t: LuaTable, k: unknown, v: unknown): void {
  if (typeof k === 'string') {
    if (v === undefined) clearStringKey(t, k);
    else t[k] = v;
    return;
  }
  if (typeof k === 'number') {
    if (Number.isInteger(k)) {
      const arr = t[ARR];
      const n = arr.length;
      if (k >= 1 && k <= n) {
        if (v !== undefined) arr[k - 1] = v;
        else if (k === n) {
          arr.pop();
          let m = n - 1;
          while (m > 0 && arr[m - 1] === undefined) m--;
          arr.length = m;
        } else arr[k - 1] = undefined;
        return;
      }
      if (k === n + 1) {
        if (v === undefined) {
          t[HASH]?.delete(k);
          return;
        }
        const h = t[HASH];
        if (n === 0) {
          // The empty array part may be the shared EMPTY_ARRAY. A read-only library table (Object.freeze) never
          // has an array part of its own, so only this first append needs the test (not every array write).
          if (Object.isFrozen(t)) throw luaError('attempt to modify a read-only table');
          const fresh = [v];
          t[ARR] = fresh;
          if (h !== undefined && h.size > 0) absorbHash(fresh, h);
          return;
        }
        arr.push(v);
        if (h !== undefined && h.size > 0) absorbHash(arr, h);
        return;
      }
    } else if (k !== k) {
      throw luaError('table index is NaN');
    }
  } else if (k === undefined) {
    throw luaError('table index is nil');
  }
  let h = t[HASH];
  if (v === undefined) {
    h?.delete(k);
    return;
  }
  if (h === undefined) h = t[HASH] = new Map();
  h.set(k, v);
}

/**
 * After the array part grew (a push here, table.insert's shift in runtime/lib/table), moves the keys n+1, n+2, ...
 * that now continue it out of the hash part, keeping the invariant that n+1 is never a hash key.
 */
export function absorbHash(arr: unknown[], h: Map<unknown, unknown>): void {
  let k = arr.length + 1;
  let v = h.get(k);
  while (v !== undefined) {
    h.delete(k);
    arr.push(v);
    k++;
    v = h.get(k);
  }
}

/** The primitive length (a border): the array part always holds 1..n with t[n] non-nil and n+1 absent. */
export function rawlen(t: LuaTable): number {
  return t[ARR].length;
}

/** Number of non-array keys (string keys and the hash part); used by the table library. */
export function hashSize(t: LuaTable): number {
  const h = t[HASH];
  return ownStringKeys(t).length + (h === undefined ? 0 : h.size);
}

/**
 * `next(t, k)`: returns the next key (undefined at the end) and stores its value in `out[0]`.
 * Order: array part, then string keys, then the other keys. Assigning nil to existing fields during a
 * traversal is allowed (Lua 5.1 §5.1 `next`); the traversal of non-array keys walks a snapshot of the keys,
 * skipping those that became nil.
 */
export function tableNext(t: LuaTable, k: unknown, out: unknown[]): unknown {
  const arr = t[ARR];
  let i: number; // array index to resume from (0-based)
  if (k === undefined) {
    // A fresh traversal; `next(t) == nil` is a common emptiness test, so no snapshot is built here (one left by
    // an earlier traversal is replaced when this one reaches the non-array keys).
    for (let j = 0; j < arr.length; j++) {
      const v = arr[j];
      if (v !== undefined) {
        out[0] = v;
        return j + 1;
      }
    }
    // No array part: the traversal of the other keys starts here, over a snapshot (fields may be cleared during
    // the traversal, so a later `next(t, k)` must find k even after `t[k] = nil`).
    return stepSnapshot(t, snapshot(t), 0, out);
  } else if (typeof k === 'number' && k >= 1 && k <= arr.length && Number.isInteger(k)) {
    i = k;
  } else {
    return nextHashKey(t, k, out);
  }
  for (; i < arr.length; i++) {
    const v = arr[i];
    if (v !== undefined) {
      out[0] = v;
      return i + 1;
    }
  }
  // Array part done: start the hash part from a fresh snapshot.
  const snap = snapshot(t);
  return stepSnapshot(t, snap, 0, out);
}

// The snapshots of the traversals under way live beside their tables, not on them: a property added to a table
// on its first traversal would change its hidden class (and grow its property store), so every record an encoder
// walks with pairs would change shape. A few slots, searched by identity, hold the traversals of a nest of loops;
// a traversal pushed out of them by more interleaved ones goes on in a WeakMap. A traversal that reaches its end
// frees its slot.
const SNAP_SLOTS = 8;
const snapSlots: (KeySnapshot | undefined)[] = new Array<KeySnapshot | undefined>(SNAP_SLOTS).fill(undefined);
let snapVictim = 0;
const spilledSnapshots = new WeakMap<LuaTable, KeySnapshot>();
let spilledCount = 0;

function findSnapshot(t: LuaTable): KeySnapshot | undefined {
  for (let i = 0; i < SNAP_SLOTS; i++) {
    const s = snapSlots[i];
    if (s !== undefined && s.table === t) return s;
  }
  return spilledCount === 0 ? undefined : spilledSnapshots.get(t);
}

function snapshot(t: LuaTable): KeySnapshot {
  // Keys whose value is nil are kept: stepSnapshot skips them, and a later `next(t, k)` after `t[k] = nil` must
  // find k (a table past 32 keys deletes such keys from the object: they are still in the snapshot).
  const keys: unknown[] = Object.keys(t);
  const h = t[HASH];
  if (h !== undefined) for (const key of h.keys()) keys.push(key);
  const snap: KeySnapshot = { table: t, keys, pos: -1 };
  let free = -1;
  for (let i = 0; i < SNAP_SLOTS; i++) {
    const s = snapSlots[i];
    if (s === undefined) {
      if (free < 0) free = i;
    } else if (s.table === t) {
      snapSlots[i] = snap;
      return snap;
    }
  }
  if (spilledCount > 0 && spilledSnapshots.delete(t)) spilledCount--;
  if (free < 0) {
    free = snapVictim;
    snapVictim = (snapVictim + 1) % SNAP_SLOTS;
    const out = snapSlots[free]!;
    spilledSnapshots.set(out.table, out);
    spilledCount++;
  }
  snapSlots[free] = snap;
  return snap;
}

/** A traversal at its end lets its snapshot go. */
function dropSnapshot(snap: KeySnapshot): void {
  for (let i = 0; i < SNAP_SLOTS; i++) {
    if (snapSlots[i] === snap) {
      snapSlots[i] = undefined;
      return;
    }
  }
  if (spilledCount > 0 && spilledSnapshots.get(snap.table) === snap) {
    spilledSnapshots.delete(snap.table);
    spilledCount--;
  }
}

function stepSnapshot(t: LuaTable, snap: KeySnapshot, from: number, out: unknown[]): unknown {
  const keys = snap.keys;
  for (let j = from; j < keys.length; j++) {
    const key = keys[j];
    const v = typeof key === 'string' ? t[key] : t[HASH]?.get(key);
    if (v !== undefined) {
      snap.pos = j;
      out[0] = v;
      return key;
    }
  }
  snap.pos = keys.length;
  dropSnapshot(snap);
  out[0] = undefined;
  return undefined;
}

function nextHashKey(t: LuaTable, k: unknown, out: unknown[]): unknown {
  let snap = findSnapshot(t);
  let j = -1;
  if (snap !== undefined) {
    j = snap.keys[snap.pos] === k ? snap.pos : snap.keys.indexOf(k);
  }
  if (j < 0) {
    snap = snapshot(t);
    j = snap.keys.indexOf(k);
    if (j < 0) {
      // A key that is not in the table at all: PUC Lua raises the same.
      if (rawget(t, k) === undefined) throw luaError("invalid key to 'next'");
    }
  }
  return stepSnapshot(t, snap!, j + 1, out);
}

/** The first key of `t` (or undefined when empty), without building a snapshot: `next(t) == nil` is common. */
export function firstKey(t: LuaTable): unknown {
  const arr = t[ARR];
  for (let i = 0; i < arr.length; i++) if (arr[i] !== undefined) return i + 1;
  for (const key in t) if (t[key] !== undefined) return key;
  const h = t[HASH];
  if (h !== undefined) for (const key of h.keys()) return key;
  return undefined;
}
