// The token store of a `security.token_store` entry (wippyai/runtime service/security/tokenstore/store.go, its config
// api/service/security/tokenstore/config.go): opaque tokens, each a record of the actor, the ids of the scope's
// policies and the caller's meta, kept in a key-value store (the entry's `store:`) under the token with the token's
// expiration as its TTL, so a token expires on the store's clock (the runtime scheduler's: virtual time in tests).
// A token is `token_length` random bytes (node:crypto) in padded URL-safe base64, as Go's base64.URLEncoding
// writes them; with a `token_key` it is followed by "." and the HMAC-SHA256 of that text under the key, checked
// (in constant time) before any lookup, so a forged token never reaches the store.
import { nodeCrypto } from '../lib/node-crypto.js';
import { LuaTable, tableFromArray } from '../core/table.js';
import { ARR } from '../core/symbols.js';
import { createError, ERROR_KINDS, wrapError, type LuaErrorValue } from '../lib/wippy/errors.js';
import { parseGoDuration } from '../lib/wippy/time/duration.js';
import type { Actor } from './conditions.js';
import type { Policy } from './policy.js';
import { Scope } from './scope.js';
import { attrToLua, metaFromLua } from './lua-values.js';
import type { AttrRecord } from './values.js';

export const TOKEN_STORE_KIND = 'security.token_store';

/** config.go InitDefaults: 32 random bytes (256 bits), tokens valid for a day. */
const DEFAULT_TOKEN_LENGTH = 32;
const DEFAULT_EXPIRATION_MS = 24 * 3600_000;

/**
 * moonforge's own bound on token_length (Wippy has none): every create makes the token on the node's one thread, so
 * 300,000,000 bytes stopped every process for 15 s, and 10^9 made a string longer than V8's limit. 4096 random
 * bytes (a 5,464-character token) is far beyond any guessing.
 */
const MAX_TOKEN_LENGTH = 4096;

/** An entry's configuration, its `token_key_env` not yet looked up. */
export interface TokenStoreConfig {
  /** the backing key-value store's id, in the entry's namespace when written without one (WithDefaultNS) */
  store: string;
  /** the signing key as written (UTF-8 text of the YAML), '' for unsigned tokens */
  tokenKey: string;
  /** an environment variable whose value, when set, replaces `tokenKey` */
  tokenKeyEnv: string;
  tokenLength: number;
  /** 0 or less: tokens that never expire */
  defaultExpirationMs: number;
}

/** The entry's fields as Wippy decodes them (Config.UnmarshalJSON, InitDefaults, Validate), or the problem. */
export function parseTokenStoreConfig(fields: Record<string, unknown>, namespace: string): TokenStoreConfig | string {
  const { store, token_key: key = '', token_key_env: keyEnv = '', token_length: length = 0, default_expiration: exp = '' } = fields;
  if (store !== undefined && typeof store !== 'string') return 'store must be a string';
  if (typeof key !== 'string') return 'token_key must be a string';
  if (typeof keyEnv !== 'string') return 'token_key_env must be a string';
  if (typeof length !== 'number' || !Number.isInteger(length)) return 'token_length must be an integer';
  if (typeof exp !== 'string') return 'default_expiration must be a duration string such as "24h"';
  let expirationMs = 0;
  if (exp !== '') {
    const d = parseGoDuration(exp);
    if (!d.ok) return `default_expiration: ${d.message}`;
    expirationMs = d.ns / 1e6;
  }
  const i = (store ?? '').indexOf(':');
  const [ns, name] = i < 0 ? ['', store ?? ''] : [store!.slice(0, i), store!.slice(i + 1)];
  if (name === '') return 'store ID is required';
  if (length < 0) return 'token length must be positive';
  if (length > MAX_TOKEN_LENGTH) return `token length must be at most ${MAX_TOKEN_LENGTH}`;
  return {
    store: `${ns === '' ? namespace : ns}:${name}`,
    tokenKey: key,
    tokenKeyEnv: keyEnv,
    tokenLength: length === 0 ? DEFAULT_TOKEN_LENGTH : length,
    defaultExpirationMs: expirationMs === 0 ? DEFAULT_EXPIRATION_MS : expirationMs,
  };
}

/** The key-value store tokens are kept in (a `store.memory` store); keys are registry id texts (":token"). */
export interface TokenBackend {
  /** the value, undefined when the key is absent or expired */
  get(key: string): unknown;
  /** ttlMs 0 or less: no expiry */
  set(key: string, value: unknown, ttlMs: number): LuaErrorValue | undefined;
  /** false when the key was absent */
  delete(key: string): boolean;
}

/** Why the backing store could not be had (the error a token operation then answers). */
export class TokenBackendFailure {
  constructor(readonly error: LuaErrorValue) {}
}

export interface TokenStoreDeps {
  /** the backing store, acquired for each operation as Wippy does, or why it cannot be */
  backend(): TokenBackend | TokenBackendFailure;
  /** a policy of the app's registry (validate rebuilds the scope from the ids it kept) */
  policy(id: string): Policy | undefined;
  /** the clock (ms), the one the backing store expires keys by */
  now(): number;
}

const fail = (kind: string, message: string): LuaErrorValue => createError({ kind, message, retryable: false });
/** api/security/errors.go */
const tokenInvalid = (): LuaErrorValue => fail(ERROR_KINDS.INVALID, 'invalid token format');
const tokenNotFound = (): LuaErrorValue => fail(ERROR_KINDS.NOT_FOUND, 'token not found');
/**
 * An error under a context, kind Internal, not retryable: store.go's wrappers ("failed to store token: store is
 * full") and the Lua methods' ("create token: ...", WrapErrorWithLua(...).WithKind(Internal)).
 */
export function wrapInternal(cause: LuaErrorValue, context: string): LuaErrorValue {
  const e = wrapError(cause, context);
  e.kind = ERROR_KINDS.INTERNAL;
  e.retryable = false;
  return e;
}

/** Go's base64.URLEncoding: URL-safe alphabet, padded. */
const urlBase64 = (b: Buffer): string => b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');

/** time.Time in JSON (RFC 3339, UTC, fraction without trailing zeros) */
const jsonTime = (ms: number): string => new Date(ms).toISOString().replace(/\.?0+Z$/, 'Z');

/** The registry id text of a token, the key it is kept under (registry.ParseID(token).String()). */
const keyOf = (token: string): string => (token.includes(':') ? token : `:${token}`);

export interface Validated {
  actor: Actor;
  scope: Scope;
}

export class TokenStore {
  /** the signing key's bytes, undefined for unsigned tokens */
  private readonly key: Buffer | undefined;

  constructor(
    readonly config: TokenStoreConfig,
    /** the key as bytes (from the YAML text or an environment variable), empty for none */
    key: Buffer,
    private readonly deps: TokenStoreDeps,
  ) {
    this.key = key.length > 0 ? key : undefined;
  }

  private sign(token: string): string {
    return urlBase64(nodeCrypto().createHmac('sha256', this.key!).update(token, 'latin1').digest());
  }

  /** The part of a token the store keys, or undefined when its signature does not hold (splitToken, verifySignature). */
  private baseOf(token: string, verify: boolean): string | undefined {
    if (this.key === undefined) return token;
    const parts = token.split('.');
    const [base, sig] = parts.length === 2 ? parts : [token, ''];
    if (!verify) return base;
    const want = Buffer.from(this.sign(base), 'latin1');
    const got = Buffer.from(sig, 'latin1');
    return got.length === want.length && nodeCrypto().timingSafeEqual(got, want) ? base : undefined;
  }

  /** A new token for `actor` and `scope`; expirationMs 0 takes the store's default, below 0 never expires. */
  create(actor: Actor, scope: Scope, expirationMs: number, meta: AttrRecord | undefined): string | LuaErrorValue {
    const kv = this.deps.backend();
    if (kv instanceof TokenBackendFailure) return kv.error;
    const base = urlBase64(nodeCrypto().randomBytes(this.config.tokenLength));
    const token = this.key === undefined ? base : `${base}.${this.sign(base)}`;
    const ttl = expirationMs === 0 ? this.config.defaultExpirationMs : expirationMs;
    const now = this.deps.now();
    const r = kv.set(keyOf(base), tokenRecord(actor, scope, now, ttl > 0 ? now + ttl : undefined, meta), ttl);
    return r === undefined ? token : wrapInternal(r, 'failed to store token');
  }

  validate(token: string): Validated | LuaErrorValue {
    if (token === '') return tokenInvalid();
    const base = this.baseOf(token, true);
    if (base === undefined) return tokenInvalid();
    const kv = this.deps.backend();
    if (kv instanceof TokenBackendFailure) return kv.error;
    const data = kv.get(keyOf(base));
    if (data === undefined) return tokenNotFound();
    const read = readRecord(data);
    if (read === undefined) {
      return wrapInternal(fail(ERROR_KINDS.INTERNAL, 'the stored value is not token data'), 'failed to unmarshal token data');
    }
    const policies: Policy[] = [];
    for (const id of read.policies) {
      const p = this.deps.policy(id);
      if (p !== undefined) policies.push(p);
    }
    return { actor: read.actor, scope: new Scope(policies) };
  }

  /** Deletes the token's record; the signature is not checked (store.go Revoke). */
  revoke(token: string): true | LuaErrorValue {
    if (token === '') return tokenInvalid();
    const kv = this.deps.backend();
    if (kv instanceof TokenBackendFailure) return kv.error;
    return kv.delete(keyOf(this.baseOf(token, false)!)) ? true : tokenNotFound();
  }
}

/**
 * store.go tokenData as a Lua table (what `store.get(token)` on the backing store shows): actor_id, actor_meta,
 * scope_policies, created, expires and meta, the empty ones left out (omitempty).
 */
function tokenRecord(actor: Actor, scope: Scope, now: number, expires: number | undefined, meta: AttrRecord | undefined): LuaTable {
  const t = new LuaTable();
  t.actor_id = actor.id;
  if (actor.meta !== undefined && Object.keys(actor.meta).length > 0) t.actor_meta = attrToLua(actor.meta);
  const ids = scope.policies().map((p) => p.id);
  if (ids.length > 0) t.scope_policies = tableFromArray(ids);
  t.created = jsonTime(now);
  if (expires !== undefined) t.expires = jsonTime(expires);
  if (meta !== undefined && Object.keys(meta).length > 0) t.meta = attrToLua(meta);
  return t;
}

/** A stored record back, undefined when it is not one (something else was stored under the key). */
function readRecord(v: unknown): { actor: Actor; policies: string[] } | undefined {
  if (!(v instanceof LuaTable)) return undefined;
  const { actor_id: id = '', actor_meta: meta, scope_policies: ids } = v;
  const tableOrNil = (x: unknown): x is LuaTable | undefined => x === undefined || x instanceof LuaTable;
  if (typeof id !== 'string' || !tableOrNil(meta) || !tableOrNil(ids)) return undefined;
  const policies = ids === undefined ? [] : ids[ARR];
  if (!policies.every((p): p is string => typeof p === 'string')) return undefined;
  const m = meta === undefined ? undefined : metaFromLua(meta);
  return { actor: { id, meta: m !== undefined && Object.keys(m).length > 0 ? m : undefined }, policies };
}
