// The `store` module (wippyai/runtime runtime/lua/modules/store/module.go; docs en/lua/storage/store.md):
// store.get(id) -> a handle (handle.ts) on the store of a `store.memory` entry (`max_size`, default 10000 keys;
// `cleanup_interval`, default 5m), and the constants store.backend and
// store.consistency. An empty id is Invalid "resource id is required"; a denied `store.get` raises (as the Go source
// does); an id that names no store is Internal "failed to acquire resource: ...", as Wippy's resource registry
// answers. Each entry's store is made on first use and kept while the entry is unchanged (changing or deleting
// the entry through the registry module starts a new, empty one, as Wippy's manager replaces the service).
import { LuaTable, tableFromRecord } from '../../core/table.js';
import { ret1, ret2 } from '../../core/results.js';
import { checkStr } from '../../core/args.js';
import { luaError } from '../../core/errors.js';
import { readOnly } from '../../core/read-only.js';
import { createError, ERROR_KINDS, wrapError } from '../../lib/wippy/errors.js';
import type { Entry } from '../../app/model.js';
import type { ModuleHost, PlatformModule } from '../module-host.js';
import { toDurationNs } from '../../lib/wippy/time/duration.js';
import { MemoryStore } from './memory-store.js';
import { StoreHandle, storeMetatable } from './handle.js';

export const STORE_MEMORY_KIND = 'store.memory';
/** api/service/store/memory/config.go InitDefaults */
const DEFAULT_MAX_SIZE = 10000;
const DEFAULT_CLEANUP_MS = 5 * 60_000;

const acquireFailed = (message: string): unknown =>
  ret2(undefined, wrapError(createError({ kind: ERROR_KINDS.INTERNAL, message, retryable: false }), 'failed to acquire resource'));

function createStoreModule(host: ModuleHost): LuaTable {
  const node = host.rt.node;
  const sched = node.sched;
  const made = new Map<string, { entry: Entry; store: MemoryStore }>();
  const meta = storeMetatable(node);

  /** The entry's store, or the problem of its configuration (api/service/store/memory/config.go Validate). */
  const storeOf = (e: Entry): MemoryStore | string => {
    const known = made.get(e.id);
    if (known !== undefined && known.entry === e) return known.store;
    const max = e.fields.max_size ?? 0;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 0) return 'max_size must be a non-negative integer';
    const every = e.fields.cleanup_interval;
    const interval = every === undefined ? { ok: true as const, ns: 0 } : toDurationNs(every);
    if (!interval.ok || interval.ns < 0) return 'cleanup_interval must be a non-negative duration';
    // InitDefaults: 0 means 10000 keys and a sweep every 5 minutes
    const store = new MemoryStore(max === 0 ? DEFAULT_MAX_SIZE : max, interval.ns === 0 ? DEFAULT_CLEANUP_MS : interval.ns / 1e6, () => sched.now());
    made.set(e.id, { entry: e, store });
    return store;
  };

  const mod = new LuaTable();
  mod.get = (id: unknown) => {
    const s = checkStr(id, 1, 'get');
    if (s === '') return ret2(undefined, createError({ kind: ERROR_KINDS.INVALID, message: 'resource id is required', retryable: false }));
    if (!node.check('store.get', s, node.current)) throw luaError(`not allowed to access store: ${s}`);
    const e = host.registry.get(s);
    if (e === undefined || !e.kind.startsWith('store.')) return acquireFailed(`resource not found: ${s}`);
    if (e.kind !== STORE_MEMORY_KIND) return acquireFailed(`${e.kind} stores are not run by moonforge: ${s}`);
    const store = storeOf(e);
    if (typeof store === 'string') return acquireFailed(`invalid store configuration: ${s}: ${store}`);
    return ret1(new StoreHandle(meta, s, store));
  };
  // module.go: the backend and consistency names store:info() reports
  mod.backend = readOnly(tableFromRecord({ KV_RAFT: 'kv.raft', KV_CRDT: 'kv.crdt', MEMORY: 'memory', SQL: 'sql', UNKNOWN: 'unknown' }));
  mod.consistency = readOnly(tableFromRecord({ LINEARIZABLE: 'linearizable', EVENTUAL: 'eventual', LOCAL: 'local', UNKNOWN: 'unknown' }));
  return readOnly(mod);
}

export const STORE_MODULE: PlatformModule = { name: 'store', create: createStoreModule };
