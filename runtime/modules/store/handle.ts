// The Lua handle of an acquired store, `store.Store` (wippyai/runtime runtime/lua/modules/store/store.go): get, set,
// has, delete, entry, put, list, info, release. A released handle answers every call with Invalid "store is
// released"; an empty key is Invalid "key is required"; a nil value Invalid "value is required". A denied
// `store.key.*` permission raises a Lua error for get/set/has/delete (the Go source raises) and is a PermissionDenied
// value for entry/put/list/info. Store failures come wrapped with the operation ("store get: key not found").
// Values are deep copies both ways, so a stored table is never shared with the process that set or read it, and what
// is stored is data only (data-only.ts: no function, no metatable, as Wippy's transcoding to Go values).
import { LuaTable, tableFromArray, tableFromRecord } from '../../core/table.js';
import { LuaUserdata } from '../../core/value.js';
import { ret1, ret2 } from '../../core/results.js';
import { argError, checkNumber, checkStr } from '../../core/args.js';
import { luaError } from '../../core/errors.js';
import { readOnly } from '../../core/read-only.js';
import { createError, ERROR_KINDS, wrapError } from '../../lib/wippy/errors.js';
import { copyValue } from '../../process/copy.js';
import type { ProcessNode } from '../../process/node.js';
import { idText } from '../registry/ids.js';
import { dataOnly } from '../data-only.js';
import { KEY_NOT_FOUND, StoreFailure, type MemoryStore, type PutOptions, type StoredEntry } from './memory-store.js';

export class StoreHandle extends LuaUserdata {
  released = false;
  constructor(
    mt: LuaTable,
    readonly id: string,
    readonly store: MemoryStore,
  ) {
    super(mt);
  }
}

const invalid = (message: string, first?: unknown): unknown => ret2(first, createError({ kind: ERROR_KINDS.INVALID, message, retryable: false }));
const denied = (message: string): unknown => ret2(undefined, createError({ kind: ERROR_KINDS.PERMISSION_DENIED, message, retryable: false }));

function failure(f: StoreFailure, op: string, first?: unknown): unknown {
  return ret2(first, wrapError(createError({ kind: f.kind, message: f.message, retryable: f.retryable }), op));
}

function entryTable(e: StoredEntry): LuaTable {
  return tableFromRecord({ key: e.key, value: copyValue(e.value), version: String(e.version) });
}

/** An options table (nil: none), or the message of its problem. */
function optionsTable(v: unknown): LuaTable | undefined | string {
  if (v === undefined) return undefined;
  return v instanceof LuaTable ? v : 'options must be a table';
}

function putOptions(v: unknown): PutOptions | string {
  const o: PutOptions = { ttlMs: 0, onlyIfAbsent: false, ifVersion: undefined };
  const t = optionsTable(v);
  if (typeof t === 'string') return t;
  if (t === undefined) return o;
  if (t.ttl !== undefined) {
    if (typeof t.ttl !== 'number' || !(t.ttl >= 0)) return 'ttl must be a non-negative number';
    o.ttlMs = t.ttl * 1000;
  }
  if (t.only_if_absent !== undefined) {
    if (typeof t.only_if_absent !== 'boolean') return 'only_if_absent must be a boolean';
    o.onlyIfAbsent = t.only_if_absent;
  }
  if (t.if_version !== undefined) {
    const raw = t.if_version;
    const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : NaN;
    if (!(n > 0)) return 'if_version must be a positive version';
    o.ifVersion = n;
  }
  if (o.onlyIfAbsent && o.ifVersion !== undefined) return 'only_if_absent and if_version are mutually exclusive';
  return o;
}

/** The one metatable of store handles (shared by every process: read-only). */
export function storeMetatable(node: ProcessNode): LuaTable {
  const check = (v: unknown): StoreHandle => {
    if (v instanceof StoreHandle) return v;
    throw argError(1, 'store', 'store expected');
  };
  const allowed = (action: string, h: StoreHandle): boolean => node.check(action, h.id, node.current);
  const methods = new LuaTable();

  methods.get = (self: unknown, key: unknown) => {
    const h = check(self);
    if (h.released) return invalid('store is released');
    const k = checkStr(key, 2, 'get');
    if (k === '') return invalid('key is required');
    if (!allowed('store.key.get', h)) throw luaError(`not allowed to read key: ${k}`);
    const e = h.store.get(idText(k));
    if (e === undefined) return failure(KEY_NOT_FOUND, 'store get');
    return ret2(copyValue(e.value), undefined);
  };

  methods.set = (...args: unknown[]) => {
    const h = check(args[0]);
    if (h.released) return invalid('store is released');
    const k = checkStr(args[1], 2, 'set');
    if (k === '') return invalid('key is required');
    if (!allowed('store.key.set', h)) throw luaError(`not allowed to write key: ${k}`);
    if (args[2] === undefined) return invalid('value is required');
    // a ttl argument, even nil, must be a number (l.GetTop() >= 4 then CheckNumber)
    const ttl = args.length >= 4 ? checkNumber(args[3], 4, 'set') : 0;
    const f = h.store.set(idText(k), dataOnly(args[2]), ttl * 1000);
    if (f !== undefined) return failure(f, 'store set');
    return ret2(true, undefined);
  };

  methods.has = (self: unknown, key: unknown) => {
    const h = check(self);
    if (h.released) return invalid('store is released');
    const k = checkStr(key, 2, 'has');
    if (k === '') return invalid('key is required');
    if (!allowed('store.key.has', h)) throw luaError(`not allowed to check key existence: ${k}`);
    return ret2(h.store.has(idText(k)), undefined);
  };

  methods.delete = (self: unknown, key: unknown) => {
    const h = check(self);
    if (h.released) return invalid('store is released');
    const k = checkStr(key, 2, 'delete');
    if (k === '') return invalid('key is required');
    if (!allowed('store.key.delete', h)) throw luaError(`not allowed to delete key: ${k}`);
    return ret2(h.store.delete(idText(k)), undefined);
  };

  methods.entry = (self: unknown, key: unknown) => {
    const h = check(self);
    if (h.released) return invalid('store is released');
    const k = checkStr(key, 2, 'entry');
    if (k === '') return invalid('key is required');
    if (!allowed('store.key.get', h)) return denied(`not allowed to read key: ${k}`);
    const e = h.store.get(idText(k));
    if (e === undefined) return failure(KEY_NOT_FOUND, 'store entry');
    return ret2(entryTable(e), undefined);
  };

  methods.put = (self: unknown, key: unknown, value: unknown, opts: unknown) => {
    const h = check(self);
    if (h.released) return invalid('store is released');
    const k = checkStr(key, 2, 'put');
    if (k === '') return invalid('key is required');
    if (!allowed('store.key.set', h)) return denied(`not allowed to write key: ${k}`);
    if (value === undefined) return invalid('value is required');
    const o = putOptions(opts);
    if (typeof o === 'string') return invalid(o);
    const r = h.store.put(idText(k), dataOnly(value), o);
    if (r instanceof StoreFailure) return failure(r, 'store put');
    return ret2(entryTable(r), undefined);
  };

  methods.list = (self: unknown, opts: unknown) => {
    const h = check(self);
    if (h.released) return invalid('store is released');
    const t = optionsTable(opts);
    if (typeof t === 'string') return invalid(t);
    let prefix = '';
    let after = '';
    let limit = 0;
    if (t !== undefined) {
      if (t.prefix !== undefined && typeof t.prefix !== 'string') return invalid('prefix must be a string');
      if (t.after !== undefined && typeof t.after !== 'string') return invalid('after must be a string');
      if (t.limit !== undefined && !(typeof t.limit === 'number' && Number.isInteger(t.limit) && t.limit >= 0)) {
        return invalid('limit must be a non-negative integer');
      }
      prefix = (t.prefix as string | undefined) ?? '';
      after = (t.after as string | undefined) ?? '';
      limit = (t.limit as number | undefined) ?? 0;
    }
    if (!allowed('store.key.list', h)) return denied(`not allowed to list store: ${h.id}`);
    const page = h.store.list(prefix, after, limit);
    return ret2(tableFromRecord({ items: tableFromArray(page.items.map(entryTable)), cursor: page.cursor, has_more: page.hasMore }), undefined);
  };

  methods.info = (self: unknown) => {
    const h = check(self);
    if (h.released) return invalid('store is released');
    if (!node.check('store.info', h.id, node.current)) return denied(`not allowed to inspect store: ${h.id}`);
    // service/store/memory/memstore.go StoreInfo
    const info = { id: h.id, backend: 'memory', consistency: 'local', durable: false, list: true, versioned: true, conditional_put: true, ttl: true };
    return ret2(tableFromRecord(info), undefined);
  };

  methods.release = (self: unknown) => {
    check(self).released = true;
    return ret1(true);
  };

  const mt = new LuaTable();
  mt.__index = readOnly(methods);
  mt.__tostring = (self: unknown) => ret1(check(self).released ? 'store.Store{released}' : 'store.Store{}');
  return readOnly(mt);
}
