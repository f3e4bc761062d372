// The store of a `store.memory` entry (wippyai/runtime service/store/memory/memstore.go): keys to values with an
// optional time to live and a version per write, at most `max_size` keys. Expired keys read as absent and are dropped
// when met, every `cleanup_interval`, and all at once before a write would find the store full. Time is the runtime's clock
// (the scheduler's, so a test in virtual time sees a TTL run out without waiting). Values are stored as given: the
// module copies them in and out.
import { ERROR_KINDS } from '../../lib/wippy/errors.js';

/** A failed operation: Wippy's error kind, message and retryability (api/store/errors.go, service/store/errors.go). */
export class StoreFailure {
  constructor(
    readonly kind: string,
    readonly message: string,
    readonly retryable: boolean,
  ) {}
}

export const KEY_NOT_FOUND = new StoreFailure(ERROR_KINDS.NOT_FOUND, 'key not found', false);
export const KEY_EXISTS = new StoreFailure(ERROR_KINDS.ALREADY_EXISTS, 'key already exists', false);
export const VERSION_MISMATCH = new StoreFailure(ERROR_KINDS.CONFLICT, 'version mismatch', true);
export const STORE_FULL = new StoreFailure(ERROR_KINDS.UNAVAILABLE, 'store is full', true);

export interface StoredEntry {
  key: string;
  value: unknown;
  /** clock time (ms) after which the key is gone; undefined: never */
  expires: number | undefined;
  version: number;
}

export interface PutOptions {
  ttlMs: number;
  onlyIfAbsent: boolean;
  ifVersion: number | undefined;
}

export interface Page {
  items: StoredEntry[];
  cursor: string;
  hasMore: boolean;
}

/** api/store/store.go DefaultListLimit / MaxListLimit */
export const DEFAULT_LIST_LIMIT = 100;
export const MAX_LIST_LIMIT = 1000;

export class MemoryStore {
  private readonly data = new Map<string, StoredEntry>();
  private version = 0;
  private lastSweep: number;

  constructor(
    /** the most keys (0: no limit) */
    readonly maxSize: number,
    /** how often (ms) expired keys are swept out (0: never); a write sweeps when that long has passed */
    private readonly cleanupMs: number,
    private readonly now: () => number,
  ) {
    this.lastSweep = now();
  }

  private live(key: string): StoredEntry | undefined {
    const e = this.data.get(key);
    if (e === undefined) return undefined;
    if (e.expires !== undefined && this.now() > e.expires) {
      this.data.delete(key);
      return undefined;
    }
    return e;
  }

  private purgeExpired(): void {
    const now = this.now();
    for (const [k, e] of this.data) if (e.expires !== undefined && now > e.expires) this.data.delete(k);
  }

  /** Room for one more key (an existing key can always be written). */
  private hasRoom(key: string): boolean {
    if (this.maxSize <= 0 || this.data.has(key) || this.data.size < this.maxSize) return true;
    this.purgeExpired();
    return this.data.has(key) || this.data.size < this.maxSize;
  }

  private write(key: string, value: unknown, ttlMs: number): StoredEntry {
    // Wippy sweeps on a ticker (cleanupLoop); here the writes that come after each interval do it, so a store of
    // expiring keys that is never read does not grow without bound, and an idle store costs no timer
    if (this.cleanupMs > 0 && this.now() - this.lastSweep >= this.cleanupMs) {
      this.lastSweep = this.now();
      this.purgeExpired();
    }
    const e: StoredEntry = { key, value, expires: ttlMs > 0 ? this.now() + ttlMs : undefined, version: ++this.version };
    this.data.set(key, e);
    return e;
  }

  /** keys held, expired ones not yet swept out included */
  get held(): number {
    return this.data.size;
  }

  get(key: string): StoredEntry | undefined {
    return this.live(key);
  }

  has(key: string): boolean {
    return this.live(key) !== undefined;
  }

  set(key: string, value: unknown, ttlMs: number): StoreFailure | undefined {
    if (!this.hasRoom(key)) return STORE_FULL;
    this.write(key, value, ttlMs);
    return undefined;
  }

  put(key: string, value: unknown, o: PutOptions): StoredEntry | StoreFailure {
    const cur = this.live(key);
    if (o.onlyIfAbsent && cur !== undefined) return KEY_EXISTS;
    if (o.ifVersion !== undefined) {
      if (cur === undefined) return KEY_NOT_FOUND;
      if (cur.version !== o.ifVersion) return VERSION_MISMATCH;
    }
    if (!this.hasRoom(key)) return STORE_FULL;
    return this.write(key, value, o.ttlMs);
  }

  /** false when the key was not there */
  delete(key: string): boolean {
    return this.live(key) !== undefined && this.data.delete(key);
  }

  /** Keys in byte order, `prefix` first filtering them, starting after `after`, at most `limit` (0: the default). */
  list(prefix: string, after: string, limit: number): Page {
    const lim = limit <= 0 ? DEFAULT_LIST_LIMIT : Math.min(limit, MAX_LIST_LIMIT);
    const now = this.now();
    const items: StoredEntry[] = [];
    for (const [k, e] of this.data) {
      if (e.expires !== undefined && now > e.expires) {
        this.data.delete(k);
        continue;
      }
      if (k.startsWith(prefix) && (after === '' || k > after)) items.push(e);
    }
    // byte strings (latin1 chars) compare as Go compares strings: char code by char code
    items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const page = items.slice(0, lim);
    return { items: page, cursor: page.length > 0 ? page[page.length - 1]!.key : '', hasMore: items.length > lim };
  }
}
