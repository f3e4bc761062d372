// security.token_store(id) and the TokenStore userdata it gives (wippyai/runtime runtime/lua/modules/security/
// token_store.go, spec.md; docs en/lua/security/security.md): store:create(actor, scope, options?) -> token, err;
// store:validate(token) -> actor, scope, err; store:revoke(token) -> true, err; store:close() -> true.
// Each call of token_store gives a fresh handle (closing it closes that handle only) on the store the app's entry
// defines; the store itself (token-store.ts) is shared, as a Wippy resource is, and never reachable from Lua.
// Order of checks as in the Go source: a closed handle answers before the arguments are read; the permission
// (`security.token.create` with meta {actor = id}, `security.token.validate` / `.revoke` with {token = ...}, on the
// store's id) is checked before anything is stored or looked up.
import { LuaTable } from '../core/table.js';
import { LuaUserdata, typeName } from '../core/value.js';
import { ret1, ret2, ret3 } from '../core/results.js';
import { argError, checkStr } from '../core/args.js';
import { luaError } from '../core/errors.js';
import { readOnly } from '../core/read-only.js';
import { createError, ERROR_KINDS, LuaErrorValue } from '../lib/wippy/errors.js';
import { durationFromNumber, parseGoDuration } from '../lib/wippy/time/duration.js';
import type { Actor } from './conditions.js';
import type { Scope } from './scope.js';
import { ActorValue, ScopeValue, checkUserdata, metaFromLua, typeMetatable } from './lua-values.js';
import { TokenStore, wrapInternal } from './token-store.js';
import type { AttrRecord } from './values.js';

/** Where token_store finds a store by id: the app's `security.token_store` entries (runtime/modules provides it). */
export interface TokenStoreDirectory {
  /** the store of entry `id`, or the error token_store answers with */
  acquire(id: string): TokenStore | LuaErrorValue;
}

export class TokenStoreValue extends LuaUserdata {
  closed = false;
  constructor(
    mt: LuaTable,
    readonly id: string,
    readonly store: TokenStore,
  ) {
    super(mt);
  }
}

export interface TokenStoreLuaDeps {
  allowed(action: string, resource: string, meta: AttrRecord | undefined): boolean;
  wrapActor(a: Actor): unknown;
  wrapScope(s: Scope): unknown;
  /** the directory the runtime was given, undefined when none (a runtime without an app: no token stores) */
  directory(): TokenStoreDirectory | undefined;
}

const invalid = (message: string): LuaErrorValue => createError({ kind: ERROR_KINDS.INVALID, message, retryable: false });
/** api/resource/errors.go ErrNotFound */
const notFound = (): LuaErrorValue => createError({ kind: ERROR_KINDS.NOT_FOUND, message: 'resource not found', retryable: false });
const internal = (message: string): LuaErrorValue => createError({ kind: ERROR_KINDS.INTERNAL, message, retryable: false });

/** options.expiration in ms: a Go duration string, or a number of milliseconds; other values are ignored. */
function expirationOf(v: unknown): number | LuaErrorValue {
  if (typeof v === 'string') {
    const d = parseGoDuration(v);
    return d.ok ? d.ns / 1e6 : invalid('invalid expiration format');
  }
  // time.Duration(v) * time.Millisecond: the number truncated
  return typeof v === 'number' ? durationFromNumber(v) : 0;
}

/** The `token_store` function of the security module. */
export function createTokenStoreFunction(deps: TokenStoreLuaDeps): (id: unknown) => unknown {
  const check = (v: unknown, fname: string): TokenStoreValue => checkUserdata(v, 1, fname, TokenStoreValue, 'TokenStore');
  const methods = new LuaTable();

  methods.create = (...args: unknown[]) => {
    const h = check(args[0], 'create');
    if (h.closed) return ret2(undefined, internal('token store is closed'));
    const actor = checkUserdata(args[1], 2, 'create', ActorValue, 'Actor').actor;
    const scope = checkUserdata(args[2], 3, 'create', ScopeValue, 'Scope').scope;
    if (!deps.allowed('security.token.create', h.id, { actor: actor.id })) return ret2(undefined, invalid('not allowed to create token'));
    let expiration = 0;
    let meta: AttrRecord | undefined;
    // an options argument, even nil, must be a table (l.GetTop() >= 4 then CheckTable)
    if (args.length >= 4) {
      // the argument is there (even nil): "got nil", not "got no value"
      if (!(args[3] instanceof LuaTable)) throw argError(4, 'create', `table expected, got ${typeName(args[3])}`);
      const o = args[3];
      const e = expirationOf(o.expiration);
      if (typeof e !== 'number') return ret2(undefined, e);
      expiration = e;
      if (o.meta instanceof LuaTable) meta = metaFromLua(o.meta);
    }
    const r = h.store.create(actor, scope, expiration, meta);
    return typeof r === 'string' ? ret2(r, undefined) : ret2(undefined, wrapInternal(r, 'create token'));
  };

  methods.validate = (self: unknown, token: unknown) => {
    const h = check(self, 'validate');
    if (h.closed) return ret3(undefined, undefined, internal('token store is closed'));
    const t = checkStr(token, 2, 'validate');
    if (!deps.allowed('security.token.validate', h.id, { token: t })) {
      return ret3(undefined, undefined, invalid('not allowed to validate token'));
    }
    const r = h.store.validate(t);
    if (r instanceof LuaErrorValue) return ret3(undefined, undefined, wrapInternal(r, 'validate token'));
    return ret3(deps.wrapActor(r.actor), deps.wrapScope(r.scope), undefined);
  };

  methods.revoke = (self: unknown, token: unknown) => {
    const h = check(self, 'revoke');
    if (h.closed) return ret2(undefined, internal('token store is closed'));
    const t = checkStr(token, 2, 'revoke');
    if (!deps.allowed('security.token.revoke', h.id, { token: t })) return ret2(undefined, invalid('not allowed to revoke token'));
    const r = h.store.revoke(t);
    return r === true ? ret2(true, undefined) : ret2(undefined, wrapInternal(r, 'revoke token'));
  };

  methods.close = (self: unknown) => {
    check(self, 'close').closed = true;
    return ret1(true);
  };

  const mt = typeMetatable(readOnly(methods));
  readOnly(mt);

  return (id: unknown) => {
    const s = checkStr(id, 1, 'token_store');
    if (s === '') return ret2(undefined, invalid('token store id is required'));
    if (!deps.allowed('security.token_store.get', s, undefined)) throw luaError(`not allowed to access token store: ${s}`);
    // registry.ParseID(id).String(): the id the store is found and checked by
    const rid = s.includes(':') ? s : `:${s}`;
    const dir = deps.directory();
    const store = dir === undefined ? wrapInternal(notFound(), 'acquire token store') : dir.acquire(rid);
    return store instanceof TokenStore ? ret2(new TokenStoreValue(mt, rid, store), undefined) : ret2(undefined, store);
  };
}
