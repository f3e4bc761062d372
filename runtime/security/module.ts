// The `security` Lua module (wippyai/runtime runtime/lua/modules/security/module.go, docs en/lua/security/
// security.md): actor(), scope(), can(), new_actor(), new_scope(), policy(), named_scope(), token_store()
// (token-store-lua.ts), and the methods of actors (:id :meta), scopes (:with :without :contains :policies :evaluate)
// and policies (:id :evaluate).
import { LuaTable, tableFromArray } from '../core/table.js';
import { ARR, HASH } from '../core/symbols.js';
import { ret1, ret2 } from '../core/results.js';
import { luaError } from '../core/errors.js';
import { readOnly } from '../core/read-only.js';
import { argError, checkStr, typeError } from '../core/args.js';
import { createError, ERROR_KINDS } from '../lib/wippy/errors.js';
import { canAccess, isAllowed, type SecurityContext } from './check.js';
import type { Actor } from './conditions.js';
import type { PolicyRegistry } from './registry.js';
import { Scope } from './scope.js';
import { ActorValue, PolicyValue, ScopeValue, attrToLua, checkUserdata, metaFromLua, typeMetatable } from './lua-values.js';
import type { AttrRecord } from './values.js';
import { createTokenStoreFunction, type TokenStoreDirectory } from './token-store-lua.js';

export interface SecurityModuleOptions {
  registry: PolicyRegistry;
  strictMode: boolean;
  /** the security context of the running caller (its process), undefined outside any */
  current(): SecurityContext | undefined;
}

/** The module table plus the converters the process module needs for Spawner:with_actor / with_scope. */
export interface SecurityModule {
  module: LuaTable;
  /** The actor inside an Actor userdata, undefined for anything else. */
  actorOf(v: unknown): Actor | undefined;
  /** The scope inside a Scope userdata, undefined for anything else. */
  scopeOf(v: unknown): Scope | undefined;
  wrapActor(a: Actor): ActorValue;
  wrapScope(s: Scope): ScopeValue;
  /**
   * Where `token_store(id)` finds stores: the app's `security.token_store` entries, which the platform modules
   * know (they own the key-value stores tokens live in). Until then every id is "resource not found".
   */
  provideTokenStores(directory: TokenStoreDirectory): void;
  /** the app's policies (a token store rebuilds a token's scope from them) */
  registry: PolicyRegistry;
}

function optMeta(v: unknown, n: number, fname: string): AttrRecord {
  if (v === undefined) return {};
  if (!(v instanceof LuaTable)) throw typeError(n, fname, 'table', v);
  return metaFromLua(v);
}

export function createSecurityModule(opts: SecurityModuleOptions): SecurityModule {
  const { registry, strictMode } = opts;
  const allowed = (action: string, resource: string): boolean =>
    isAllowed(opts.current(), action, resource, undefined, { strictMode });

  const actorMethods = new LuaTable();
  const scopeMethods = new LuaTable();
  const policyMethods = new LuaTable();
  const actorMT = typeMetatable(actorMethods);
  const scopeMT = typeMetatable(scopeMethods);
  const policyMT = typeMetatable(policyMethods);
  const wrapActor = (a: Actor): ActorValue => new ActorValue(actorMT, a);
  const wrapScope = (s: Scope): ScopeValue => new ScopeValue(scopeMT, s);

  const checkActor = (v: unknown, n: number, fname: string): Actor => checkUserdata(v, n, fname, ActorValue, 'Actor').actor;
  const checkScope = (v: unknown, fname: string): Scope => checkUserdata(v, 1, fname, ScopeValue, 'Scope').scope;
  const checkPolicy = (v: unknown, fname: string): PolicyValue => checkUserdata(v, 1, fname, PolicyValue, 'Policy');

  /** A policy id given as a string, a Policy, or a {ns=, name=} table (scope.go scopeWithout/scopeContains). */
  const policyIdArg = (v: unknown, fname: string): string => {
    if (typeof v === 'string') return v;
    if (v instanceof PolicyValue) return v.policy.id;
    if (v instanceof LuaTable) {
      const ns = v.ns;
      const name = v.name;
      if (ns === undefined || name === undefined) throw argError(2, fname, 'ID table must have ns and name fields');
      return `${String(ns)}:${String(name)}`;
    }
    if (typeof v === 'object' && v !== null) throw argError(2, fname, 'Policy or policy ID string expected');
    throw argError(2, fname, 'Policy ID expected as string, table, or policy object');
  };

  // ---- Actor ----
  actorMethods.id = (self: unknown) => ret1(checkActor(self, 1, 'id').id);
  actorMethods.meta = (self: unknown) => {
    const a = checkActor(self, 1, 'meta');
    return ret1(attrToLua(a.meta ?? {}));
  };

  // ---- Scope ----
  scopeMethods.with = (self: unknown, p: unknown) => {
    const s = checkScope(self, 'with');
    const pol = checkUserdata(p, 2, 'with', PolicyValue, 'Policy');
    if (!allowed('security.scope.create', 'with')) throw luaError('not allowed to add policy to scope');
    return ret1(wrapScope(s.with(pol.policy)));
  };
  scopeMethods.without = (self: unknown, id: unknown) => {
    const s = checkScope(self, 'without');
    const pid = policyIdArg(id, 'without');
    if (!allowed('security.scope.create', 'without')) throw luaError('not allowed to remove policy from scope');
    return ret1(wrapScope(s.without(pid)));
  };
  scopeMethods.contains = (self: unknown, id: unknown) => {
    const s = checkScope(self, 'contains');
    return ret1(s.contains(policyIdArg(id, 'contains')));
  };
  scopeMethods.policies = (self: unknown) => {
    const s = checkScope(self, 'policies');
    return ret1(tableFromArray(s.policies().map((p) => new PolicyValue(policyMT, p))));
  };
  scopeMethods.evaluate = (self: unknown, actor: unknown, action: unknown, resource: unknown, meta: unknown) => {
    const s = checkScope(self, 'evaluate');
    const a = checkActor(actor, 2, 'evaluate');
    const act = checkStr(action, 3, 'evaluate');
    const res = checkStr(resource, 4, 'evaluate');
    return ret1(s.evaluate(a, act, res, optMeta(meta, 5, 'evaluate')));
  };

  // ---- Policy ----
  policyMethods.id = (self: unknown) => ret1(checkPolicy(self, 'id').policy.id);
  policyMethods.evaluate = (self: unknown, actor: unknown, action: unknown, resource: unknown, meta: unknown) => {
    const p = checkPolicy(self, 'evaluate').policy;
    const a = checkActor(actor, 2, 'evaluate');
    const act = checkStr(action, 3, 'evaluate');
    const res = checkStr(resource, 4, 'evaluate');
    return ret1(p.evaluate(a, act, res, optMeta(meta, 5, 'evaluate')));
  };

  // ---- module functions ----
  const mod = new LuaTable();
  mod.actor = () => {
    const a = opts.current()?.actor;
    return ret1(a === undefined ? undefined : wrapActor(a));
  };
  mod.scope = () => {
    const s = opts.current()?.scope;
    return ret1(s === undefined ? undefined : wrapScope(s));
  };
  mod.can = (action: unknown, resource: unknown, meta: unknown) => {
    const act = checkStr(action, 1, 'can');
    const res = checkStr(resource, 2, 'can');
    return ret1(canAccess(opts.current(), act, res, optMeta(meta, 3, 'can')));
  };
  mod.policy = (id: unknown) => {
    const pid = checkStr(id, 1, 'policy');
    if (!allowed('security.policy.get', pid)) {
      return ret2(undefined, createError({ kind: ERROR_KINDS.INVALID, message: 'permission denied: access policy', retryable: false }));
    }
    const p = registry.getPolicy(pid);
    if (p === undefined) {
      return ret2(undefined, createError({ kind: ERROR_KINDS.INTERNAL, context: 'get policy', message: 'policy not found', retryable: false }));
    }
    return ret2(new PolicyValue(policyMT, p), undefined);
  };
  mod.named_scope = (id: unknown) => {
    const gid = checkStr(id, 1, 'named_scope');
    if (!allowed('security.policy_group.get', gid)) {
      return ret2(undefined, createError({ kind: ERROR_KINDS.INVALID, message: 'permission denied: access policy group', retryable: false }));
    }
    const s = registry.getGroup(gid);
    if (s === undefined) {
      return ret2(undefined, createError({ kind: ERROR_KINDS.INTERNAL, context: 'get policy group', message: 'policy group not found', retryable: false }));
    }
    return ret2(wrapScope(s), undefined);
  };
  mod.new_scope = (...args: unknown[]) => {
    if (!allowed('security.scope.create', 'custom')) throw luaError('not allowed to create custom scopes');
    let s = new Scope();
    if (args.length >= 1) {
      const t = args[0];
      if (!(t instanceof LuaTable)) throw typeError(1, 'new_scope', 'table', t);
      // every value of the table that is a Policy, in any key (ForEach)
      const values: unknown[] = [...t[ARR], ...Object.keys(t).map((k) => t[k]), ...(t[HASH]?.values() ?? [])];
      for (const v of values) if (v instanceof PolicyValue) s = s.with(v.policy);
    }
    return ret1(wrapScope(s));
  };
  mod.new_actor = (id: unknown, meta: unknown) => {
    const aid = checkStr(id, 1, 'new_actor');
    if (!allowed('security.actor.create', aid)) throw luaError(`not allowed to create actor with ID: ${aid}`);
    return ret1(wrapActor({ id: aid, meta: optMeta(meta, 2, 'new_actor') }));
  };
  let tokenStores: TokenStoreDirectory | undefined;
  mod.token_store = createTokenStoreFunction({
    allowed: (action, resource, meta) => isAllowed(opts.current(), action, resource, meta, { strictMode }),
    wrapActor,
    wrapScope,
    directory: () => tokenStores,
  });
  // library tables are read-only in Wippy (mod.Immutable = true), as every moonforge library table
  for (const t of [mod, actorMethods, scopeMethods, policyMethods, actorMT, scopeMT, policyMT]) readOnly(t);

  return {
    module: mod,
    actorOf: (v) => (v instanceof ActorValue ? v.actor : undefined),
    scopeOf: (v) => (v instanceof ScopeValue ? v.scope : undefined),
    wrapActor,
    wrapScope,
    registry,
    provideTokenStores: (d) => {
      tokenStores = d;
    },
  };
}
