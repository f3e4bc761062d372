// Read-only tables: what every table reachable from more than one process is made (library tables, module tables,
// the metatables of strings and of every kind of userdata, and the tables those hold). One process writing into such
// a table would change it for every other process, and a function it installed there would run inside them, with
// their pid and their permissions (issue #10). Wippy marks these tables Immutable (go-lua `LTable.Immutable`); here
// the JS object is frozen, so every write path fails without a test of its own on the hot paths:
// - a string key (`t.x = v`, rawset, compiled stores) throws a TypeError in strict code, which toLuaError turns into
//   "attempt to modify a read-only table" at the Lua position of the write;
// - setmetatable stores `t[MT]`, the first append replaces the shared empty array part (`t[ARR] = [v]`), the first
//   non-string key creates the hash part (`t[HASH] = new Map()`): all stores into the frozen object, refused alike;
// - an array part or hash part the table already had would stay writable through the frozen object (an array and a
//   Map are objects of their own), so the array is frozen too and the Map refuses changes.
import { ARR, FROZEN, HASH } from './symbols.js';
import { EMPTY_ARRAY, LuaTable } from './table.js';

/** A hash part that refuses changes once its table is read-only (the constructor's own set calls still fill it). */
class ReadOnlyMap<K, V> extends Map<K, V> {
  private sealed = false;
  constructor(from: Map<K, V>) {
    super(from);
    this.sealed = true;
  }
  override set(k: K, v: V): this {
    if (this.sealed) throw new TypeError('Cannot assign to read only table');
    return super.set(k, v);
  }
  override delete(k: K): boolean {
    if (this.sealed) throw new TypeError('Cannot assign to read only table');
    return super.delete(k);
  }
  override clear(): void {
    throw new TypeError('Cannot assign to read only table');
  }
}

/**
 * Makes `t` read-only for Lua and returns it. It also carries the FROZEN mark of Wippy's immutable tables, so
 * `table.isfrozen(t)` is true and table.insert/remove/sort refuse it before touching it.
 */
export function readOnly<T extends LuaTable>(t: T): T {
  if (Object.isFrozen(t)) return t;
  const arr = t[ARR];
  // EMPTY_ARRAY is shared by every table without an array part and must stay unfrozen (V8 runs frozen arrays on
  // slower paths); the frozen table cannot be given another array, so it stays empty anyway.
  if (arr !== EMPTY_ARRAY) Object.freeze(arr);
  const h = t[HASH];
  if (h !== undefined) t[HASH] = new ReadOnlyMap(h);
  (t as unknown as Record<symbol, unknown>)[FROZEN] = true;
  return Object.freeze(t);
}
