// The key-value stores of a runtime's `store.memory` entries, one per entry, shared by everyone that acquires the
// entry: the `store` module and the token stores backed by one (security.token_store `store:`), as Wippy's
// resource registry hands every acquirer the same store (service/store/memory/manager.go). Each entry's store is made
// on first use and kept while the entry is unchanged (changing or deleting the entry through the registry module
// starts a new, empty one, as Wippy's manager replaces the service).
import type { Entry } from '../../app/model.js';
import type { ProcessRuntime } from '../../process/process-runtime.js';
import type { ModuleHost } from '../module-host.js';
import { toDurationNs } from '../../lib/wippy/time/duration.js';
import { MemoryStore } from './memory-store.js';

export const STORE_MEMORY_KIND = 'store.memory';
/** api/service/store/memory/config.go InitDefaults */
const DEFAULT_MAX_SIZE = 10000;
const DEFAULT_CLEANUP_MS = 5 * 60_000;

/** Why a store id gives no store: the message Wippy's resource registry (or our refusal) answers with. */
export class StoreUnavailable {
  constructor(readonly message: string) {}
}

export class MemoryStores {
  private readonly made = new Map<string, { entry: Entry; store: MemoryStore }>();

  constructor(private readonly host: ModuleHost) {}

  /** The store of entry `id` ("ns:name"), or why there is none. */
  acquire(id: string): MemoryStore | StoreUnavailable {
    const e = this.host.registry.get(id);
    if (e === undefined || !e.kind.startsWith('store.')) return new StoreUnavailable(`resource not found: ${id}`);
    if (e.kind !== STORE_MEMORY_KIND) return new StoreUnavailable(`${e.kind} stores are not run by moonforge: ${id}`);
    const known = this.made.get(e.id);
    if (known !== undefined && known.entry === e) return known.store;
    // api/service/store/memory/config.go Validate
    const max = e.fields.max_size ?? 0;
    const bad = (problem: string): StoreUnavailable => new StoreUnavailable(`invalid store configuration: ${id}: ${problem}`);
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 0) return bad('max_size must be a non-negative integer');
    const every = e.fields.cleanup_interval;
    const interval = every === undefined ? { ok: true as const, ns: 0 } : toDurationNs(every);
    if (!interval.ok || interval.ns < 0) return bad('cleanup_interval must be a non-negative duration');
    const sched = this.host.rt.node.sched;
    const cleanupMs = interval.ns === 0 ? DEFAULT_CLEANUP_MS : interval.ns / 1e6;
    // InitDefaults: 0 means 10000 keys and a sweep every 5 minutes; time is the scheduler's (virtual in tests)
    const store = new MemoryStore(max === 0 ? DEFAULT_MAX_SIZE : max, cleanupMs, () => sched.now());
    this.made.set(e.id, { entry: e, store });
    return store;
  }
}

const stores = new WeakMap<ProcessRuntime, MemoryStores>();

/** The memory stores of `host.rt`, made on first use. */
export function memoryStoresOf(host: ModuleHost): MemoryStores {
  let s = stores.get(host.rt);
  if (s === undefined) {
    s = new MemoryStores(host);
    stores.set(host.rt, s);
  }
  return s;
}
