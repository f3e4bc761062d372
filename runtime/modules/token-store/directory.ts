// The token stores of an app's `security.token_store` entries, for `security.token_store(id)` (wippyai/runtime
// service/security/tokenstore/manager.go as the resource provider). Each entry's store is made on first use from its
// configuration (`store`, `token_length`, `default_expiration`, `token_key`, `token_key_env`) and kept while the entry
// is unchanged; its tokens live in the `store.memory` store `store:` names, the same store `store.get` gives, acquired
// for each operation (store.go acquireStore), so a token store whose backing store is missing fails at create,
// validate and revoke, not at token_store(). `token_key_env` names an env variable (the env module's registry) whose
// value, when set, is the key; it is read when the store is made.
import type { Entry } from '../../app/model.js';
import { createError, ERROR_KINDS, type LuaErrorValue } from '../../lib/wippy/errors.js';
import {
  parseTokenStoreConfig,
  TOKEN_STORE_KIND,
  TokenBackendFailure,
  TokenStore,
  wrapInternal,
  type TokenBackend,
  type TokenStoreConfig,
  type TokenStoreDirectory,
} from '../../security/index.js';
import type { ModuleHost } from '../module-host.js';
import { namespaceOf } from '../registry/ids.js';
import { envRegistryOf, EnvFailure } from '../env/env-registry.js';
import { memoryStoresOf, StoreUnavailable } from '../store/stores.js';

const error = (kind: string, message: string): LuaErrorValue => createError({ kind, message, retryable: false });

/** The key's bytes: the environment variable's value (already Lua bytes) when set, else the YAML text as UTF-8. */
function signingKey(host: ModuleHost, cfg: TokenStoreConfig): Buffer {
  if (cfg.tokenKeyEnv !== '') {
    try {
      const v = envRegistryOf(host).lookup(cfg.tokenKeyEnv, '');
      if (v !== undefined) return Buffer.from(v, 'latin1');
    } catch (e) {
      // an unknown variable leaves the written key (manager.go resolveEnv logs a warning and goes on)
      if (!(e instanceof EnvFailure)) throw e;
    }
  }
  return Buffer.from(cfg.tokenKey, 'utf8');
}

export function tokenStoreDirectory(host: ModuleHost): TokenStoreDirectory {
  const made = new Map<string, { entry: Entry; store: TokenStore }>();
  const stores = memoryStoresOf(host);
  const sched = host.rt.node.sched;
  const policies = host.rt.security.registry;

  /** store.go acquireStore, adapted to what a token store needs of a key-value store */
  const backend = (id: string): TokenBackend | TokenBackendFailure => {
    if (host.registry.get(id)?.kind === TOKEN_STORE_KIND) {
      return new TokenBackendFailure(error(ERROR_KINDS.INVALID, `resource is not a key-value store: ${id}`));
    }
    const s = stores.acquire(id);
    if (s instanceof StoreUnavailable) {
      return new TokenBackendFailure(wrapInternal(error(ERROR_KINDS.UNAVAILABLE, s.message), 'failed to acquire backing store'));
    }
    return {
      get: (key) => s.get(key)?.value,
      set: (key, value, ttlMs) => {
        const f = s.set(key, value, ttlMs);
        return f === undefined ? undefined : createError({ kind: f.kind, message: f.message, retryable: f.retryable });
      },
      delete: (key) => s.delete(key),
    };
  };

  return {
    acquire(id) {
      const e = host.registry.get(id);
      if (e === undefined || e.kind !== TOKEN_STORE_KIND) {
        // another kind of resource is acquired, then refused; anything else is not a resource at all
        if (e !== undefined && e.kind.startsWith('store.')) return error(ERROR_KINDS.INTERNAL, 'resource is not a token store');
        return wrapInternal(error(ERROR_KINDS.NOT_FOUND, 'resource not found'), 'acquire token store');
      }
      const known = made.get(id);
      if (known !== undefined && known.entry === e) return known.store;
      const cfg = parseTokenStoreConfig(e.fields, namespaceOf(id));
      if (typeof cfg === 'string') {
        return wrapInternal(error(ERROR_KINDS.INVALID, `invalid token store config: ${cfg}`), 'acquire token store');
      }
      const store = new TokenStore(cfg, signingKey(host, cfg), {
        backend: () => backend(cfg.store),
        policy: (pid) => policies.getPolicy(pid),
        now: () => sched.now(),
      });
      made.set(id, { entry: e, store });
      return store;
    },
  };
}
