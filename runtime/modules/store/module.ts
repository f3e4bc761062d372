// The `store` module (wippyai/runtime runtime/lua/modules/store/module.go; docs en/lua/storage/store.md):
// store.get(id) -> a handle (handle.ts) on the store of a `store.memory` entry (stores.ts: `max_size`, default 10000
// keys; `cleanup_interval`, default 5m), and the constants store.backend and store.consistency. An empty id is Invalid
// "resource id is required"; a denied `store.get` raises (as the Go source does); an id that names no store is
// Internal "failed to acquire resource: ...", as Wippy's resource registry answers.
import { LuaTable, tableFromRecord } from '../../core/table.js';
import { ret1, ret2 } from '../../core/results.js';
import { checkStr } from '../../core/args.js';
import { luaError } from '../../core/errors.js';
import { readOnly } from '../../core/read-only.js';
import { createError, ERROR_KINDS, wrapError } from '../../lib/wippy/errors.js';
import type { ModuleHost, PlatformModule } from '../module-host.js';
import { StoreHandle, storeMetatable } from './handle.js';
import { memoryStoresOf, StoreUnavailable } from './stores.js';

const acquireFailed = (message: string): unknown =>
  ret2(undefined, wrapError(createError({ kind: ERROR_KINDS.INTERNAL, message, retryable: false }), 'failed to acquire resource'));

function createStoreModule(host: ModuleHost): LuaTable {
  const node = host.rt.node;
  const stores = memoryStoresOf(host);
  const meta = storeMetatable(node);

  const mod = new LuaTable();
  mod.get = (id: unknown) => {
    const s = checkStr(id, 1, 'get');
    if (s === '') return ret2(undefined, createError({ kind: ERROR_KINDS.INVALID, message: 'resource id is required', retryable: false }));
    if (!node.check('store.get', s, node.current)) throw luaError(`not allowed to access store: ${s}`);
    const store = stores.acquire(s);
    if (store instanceof StoreUnavailable) return acquireFailed(store.message);
    return ret1(new StoreHandle(meta, s, store));
  };
  // module.go: the backend and consistency names store:info() reports
  mod.backend = readOnly(tableFromRecord({ KV_RAFT: 'kv.raft', KV_CRDT: 'kv.crdt', MEMORY: 'memory', SQL: 'sql', UNKNOWN: 'unknown' }));
  mod.consistency = readOnly(tableFromRecord({ LINEARIZABLE: 'linearizable', EVENTUAL: 'eventual', LOCAL: 'local', UNKNOWN: 'unknown' }));
  return readOnly(mod);
}

export const STORE_MODULE: PlatformModule = { name: 'store', create: createStoreModule };
