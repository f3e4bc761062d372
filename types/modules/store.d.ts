// The `store` module (runtime/modules/store/): key-value stores of store.memory entries. A Store's methods are
// called with `:`.

declare namespace Moonforge {
  interface StoreEntry {
    key: string;
    value: unknown;
    version: number;
  }

  interface Store extends RuntimeObject {
    get(key: string): Result<unknown>;
    /** `ttl` in seconds (0 or absent: no expiry). */
    set(key: string, value: unknown, ttl?: number): Status;
    has(key: string): Result<boolean>;
    /** true, or false when the key was not there */
    delete(key: string): Result<boolean>;
    entry(key: string): Result<StoreEntry>;
    put(key: string, value: unknown, options?: { ttl?: number; only_if_absent?: boolean; if_version?: number }): Result<StoreEntry>;
    list(options?: { prefix?: string; after?: string; limit?: number }): Result<{ items: StoreEntry[]; cursor?: string; has_more: boolean }>;
    info(): Result<{
      id: string;
      backend: string;
      consistency: string;
      durable: boolean;
      list: boolean;
      versioned: boolean;
      conditional_put: boolean;
      ttl: boolean;
    }>;
    release(): true;
  }
}

/** @noSelf @noResolution */
declare module "store" {
  type Store = Moonforge.Store;
  /** A handle on the store of a `store.memory` entry. */
  function get(id: string): Moonforge.Result<Moonforge.Store>;
  const backend: {
    readonly KV_RAFT: "kv.raft";
    readonly KV_CRDT: "kv.crdt";
    readonly MEMORY: "memory";
    readonly SQL: "sql";
    readonly UNKNOWN: "unknown";
  };
  const consistency: {
    readonly LINEARIZABLE: "linearizable";
    readonly EVENTUAL: "eventual";
    readonly LOCAL: "local";
    readonly UNKNOWN: "unknown";
  };
}
