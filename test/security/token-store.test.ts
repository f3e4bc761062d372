// security.token_store(id) and `security.token_store` entries (wippyai/runtime runtime/lua/modules/security/
// token_store.go and spec.md, service/security/tokenstore/{store,manager}.go, api/service/security/tokenstore/
// config.go; docs en/lua/security/security.md "token_store" and "TokenStore Methods").
import { describe, expect, it } from 'vitest';
import { runWithModules } from '../support/module-app.js';
import { createSecurityModule } from '../../runtime/security/module.js';
import { PolicyRegistry } from '../../runtime/security/registry.js';
import { Policy, parsePolicyConfig } from '../../runtime/security/policy.js';
import { Scope } from '../../runtime/security/scope.js';
import type { SecurityContext } from '../../runtime/security/check.js';
import { parseTokenStoreConfig, TokenStore, type TokenStoreConfig } from '../../runtime/security/token-store.js';
import { MemoryStore } from '../../runtime/modules/store/memory-store.js';
import { LuaErrorValue, errorText } from '../../runtime/lib/wippy/errors.js';
import { runWithGlobals } from './support.js';
import { entry, makeApp } from '../support/process-harness.js';
import { installPlatformModules } from '../../runtime/modules/index.js';
import type { Entry } from '../../runtime/app/model.js';

const ENTRIES = `  - name: kv
    kind: store.memory
  - name: tokens
    kind: security.token_store
    store: kv
  - name: signed
    kind: security.token_store
    store: app:kv
    token_key: "s3cret"
    token_length: 16
  - name: short
    kind: security.token_store
    store: kv
    default_expiration: 50ms
  - name: nostore
    kind: security.token_store
    store: app:missing
  - name: badcfg
    kind: security.token_store
  - name: reader
    kind: security.policy
    policy:
      actions: [read]
      resources: "*"
      effect: allow
  - name: writer
    kind: security.policy
    policy:
      actions: [write]
      resources: "*"
      effect: allow
`;
const tok = (body: string) => runWithModules(['security', 'store', 'time'], body, { entries: ENTRIES });

describe('security.token_store', () => {
  it('create -> a token; validate -> the actor (id and meta) and a scope of the same policies; revoke; close', async () => {
    const r = await tok(`
      local ts, err = security.token_store("app:tokens")
      io.print(type(ts), err)
      local actor = security.new_actor("user:1", {role = "admin", n = 2})
      local scope = security.new_scope():with(security.policy("app:reader")):with(security.policy("app:writer"))
      local token, err2 = ts:create(actor, scope, {meta = {ip = "1.2.3.4"}})
      io.print(type(token), #token, err2)
      local a, s, err3 = ts:validate(token)
      io.print(a:id(), a:meta().role, a:meta().n, err3)
      io.print(s:contains("app:reader"), s:contains("app:writer"), #s:policies(), s:evaluate(a, "read", "x"))
      io.print(ts:revoke(token))
      local a2, s2, err4 = ts:validate(token)
      io.print(a2, s2, err4:kind(), err4:retryable(), tostring(err4))
      local ok, err5 = ts:revoke(token)
      io.print(ok, tostring(err5))
      io.print(ts:close(), ts:close())
      local t, e = ts:create(actor, scope)
      io.print(t, e:kind(), tostring(e))
      local x, y, e2 = ts:validate(token)
      io.print(x, y, tostring(e2))
      io.print(ts:revoke(token))`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'userdata\tnil',
      'string\t44\tnil',
      'user:1\tadmin\t2\tnil',
      'true\ttrue\t2\tallow',
      'true\tnil',
      // wrapped "validate token" / "revoke token" (kind Internal, WithKind); tostring is the inner message
      'nil\tnil\tInternal\tfalse\ttoken not found',
      'nil\ttoken not found',
      'true\ttrue',
      'nil\tInternal\ttoken store is closed',
      'nil\tnil\ttoken store is closed',
      'nil\ttoken store is closed',
    ]);
  });

  it('tokens: token_length random bytes in padded URL-safe base64 (Go base64.URLEncoding), never twice the same', async () => {
    const r = await tok(`
      local ts = security.token_store("app:tokens")
      local a, s = security.new_actor("u"), security.new_scope()
      local seen, dup = {}, false
      for i = 1, 200 do
        local t = ts:create(a, s)
        if seen[t] then dup = true end
        seen[t] = true
      end
      local t = ts:create(a, s)
      io.print(#t, t:match("^[A-Za-z0-9_%-]+=$") ~= nil, dup)
      local signed = security.token_store("app:signed"):create(a, s)
      io.print(#signed, signed:match("^[A-Za-z0-9_%-]+==%.[A-Za-z0-9_%-]+=$") ~= nil)`);
    expect(r.stderr).toBe('');
    // 32 bytes -> 44 characters; 16 bytes -> 24, then "." and the 32-byte HMAC-SHA256 (44)
    expect(r.lines).toEqual(['44\ttrue\tfalse', '69\ttrue']);
  });

  it('a token_key signs tokens: a changed signature, or a token without one, is "invalid token format" before any lookup; revoke does not check it', async () => {
    const r = await tok(`
      local ts = security.token_store("app:signed")
      local a, s = security.new_actor("u"), security.new_scope()
      local t = ts:create(a, s)
      local base, sig = t:match("^(.-)%.(.*)$")
      io.print(ts:validate(t):id())
      local function check(tok)
        local x, y, err = ts:validate(tok)
        return tostring(x) .. "," .. tostring(y) .. "," .. err:kind() .. "," .. tostring(err)
      end
      io.print(check(base .. "." .. sig:reverse()))
      io.print(check(base))
      io.print(check(t .. ".x"))
      io.print(check(""))
      io.print(ts:revoke(base .. ".whatever"))
      io.print(check(t))
      local ok, err = ts:revoke("")
      io.print(ok, tostring(err))`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'u',
      'nil,nil,Internal,invalid token format',
      'nil,nil,Internal,invalid token format',
      'nil,nil,Internal,invalid token format',
      'nil,nil,Internal,invalid token format',
      'true\tnil',
      'nil,nil,Internal,token not found',
      'nil\tinvalid token format',
    ]);
  });

  it('expiration: options.expiration (Go duration or milliseconds), else default_expiration (default 24h); an expired token is not found', async () => {
    const r = await tok(`
      local a, s = security.new_actor("u"), security.new_scope()
      local ts, short = security.token_store("app:tokens"), security.token_store("app:short")
      local t1 = ts:create(a, s, {expiration = "50ms"})
      local t2 = ts:create(a, s, {expiration = 50})
      local t3 = ts:create(a, s, {expiration = "1h"})
      local t4 = ts:create(a, s)
      local t5 = short:create(a, s)
      local t6 = short:create(a, s, {expiration = "1m"})
      local n, e = ts:create(a, s, {expiration = "soon"})
      io.print(n, e:kind(), tostring(e))
      local function ok(store, t) local x = store:validate(t); return x ~= nil end
      io.print(ok(ts, t1), ok(ts, t2), ok(ts, t3), ok(ts, t4), ok(short, t5), ok(short, t6))
      time.sleep("100ms")
      io.print(ok(ts, t1), ok(ts, t2), ok(ts, t3), ok(ts, t4), ok(short, t5), ok(short, t6))`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual(['nil\tInvalid\tinvalid expiration format', 'true\ttrue\ttrue\ttrue\ttrue\ttrue', 'false\tfalse\ttrue\ttrue\tfalse\ttrue']);
  });

  it('the token is a key of the backing store.memory store, its record what store.go keeps (actor_id, actor_meta, scope_policies, created, expires, meta)', async () => {
    const r = await tok(`
      local ts = security.token_store("app:tokens")
      local a = security.new_actor("user:7", {role = "r"})
      local t = ts:create(a, security.new_scope():with(security.policy("app:reader")), {meta = {ip = "10.0.0.1"}, expiration = "1h"})
      local kv = store.get("app:kv")
      local rec = kv:get(t)
      io.print(rec.actor_id, rec.actor_meta.role, rec.scope_policies[1], #rec.scope_policies, rec.meta.ip)
      io.print(rec.created:match("^%d%d%d%d%-%d%d%-%d%dT[%d:.]+Z$") ~= nil, rec.expires:match("Z$") ~= nil)
      kv:delete(t)
      local x, y, err = ts:validate(t)
      io.print(x, tostring(err))
      kv:set(t, "not a record")
      x, y, err = ts:validate(t)
      io.print(x, tostring(err))`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'user:7\tr\tapp:reader\t1\t10.0.0.1',
      'true\ttrue',
      'nil\ttoken not found',
      'nil\tfailed to unmarshal token data: the stored value is not token data',
    ]);
  });

  it('token_store errors: empty id Invalid; unknown id, another kind of store, a bad configuration Internal; a missing backing store fails each operation', async () => {
    const r = await tok(`
      local function show(v, err) io.print(v, err and err:kind(), err and tostring(err)) end
      show(security.token_store(""))
      show(security.token_store("app:nope"))
      show(security.token_store("app:kv"))
      show(security.token_store("app:badcfg"))
      local ts, err = security.token_store("app:nostore")
      io.print(type(ts), err)
      local a, s = security.new_actor("u"), security.new_scope()
      show(ts:create(a, s))
      local x, y, e = ts:validate("abc")
      show(x, e)
      show(ts:revoke("abc"))
      io.print(pcall(security.token_store))`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'nil\tInvalid\ttoken store id is required',
      'nil\tInternal\tresource not found',
      'nil\tInternal\tresource is not a token store',
      'nil\tInternal\tinvalid token store config: store ID is required',
      'userdata\tnil',
      'nil\tInternal\tfailed to acquire backing store: resource not found: app:missing',
      'nil\tInternal\tfailed to acquire backing store: resource not found: app:missing',
      'nil\tInternal\tfailed to acquire backing store: resource not found: app:missing',
      // called by pcall itself: no position, as luaL_error in a function pcall calls
      "false\tbad argument #1 to 'token_store' (string expected, got no value)",
    ]);
  });

  it('argument errors raise with Lua wording: the store, the actor, the scope, an options argument that is not a table', async () => {
    const r = await tok(`
      local ts = security.token_store("app:tokens")
      local a, s = security.new_actor("u"), security.new_scope()
      local function e(f, ...) local ok, err = pcall(f, ...); io.print(ok, (tostring(err):gsub("^main.lua:%d+: ", ""))) end
      e(ts.create, "x", a, s)
      e(ts.create, a, a, s)
      e(ts.create, ts, "u", s)
      e(ts.create, ts, s, s)
      e(ts.create, ts, a, a)
      e(ts.create, ts, a, s, nil)
      e(ts.validate, ts, nil)
      e(ts.revoke, ts, {})
      e(ts.close, 1)`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      "false\tbad argument #1 to 'create' (userdata expected, got string)",
      "false\tbad argument #1 to 'create' (TokenStore expected)",
      "false\tbad argument #2 to 'create' (userdata expected, got string)",
      "false\tbad argument #2 to 'create' (Actor expected)",
      "false\tbad argument #3 to 'create' (Scope expected)",
      "false\tbad argument #4 to 'create' (table expected, got nil)",
      "false\tbad argument #2 to 'validate' (string expected, got no value)",
      "false\tbad argument #2 to 'revoke' (string expected, got table)",
      "false\tbad argument #1 to 'close' (userdata expected, got number)",
    ]);
  });

  it('token_key_env: the env variable, when set, is the key (manager.go resolveEnv); unset or unknown, token_key stays', async () => {
    const env = `  - name: vars
    kind: env.storage.static
    values:
      TOKEN_KEY: from-env
  - name: token_key
    kind: env.variable
    variable: TOKEN_KEY
    storage: app:vars
  - name: empty_key
    kind: env.variable
    variable: EMPTY_KEY
    storage: app:vars
  - name: by_env
    kind: security.token_store
    store: kv
    token_key: from-yaml
    token_key_env: TOKEN_KEY
  - name: unset_env
    kind: security.token_store
    store: kv
    token_key: from-yaml
    token_key_env: EMPTY_KEY
  - name: unknown_env
    kind: security.token_store
    store: kv
    token_key: from-yaml
    token_key_env: NO_SUCH_VARIABLE
  - name: env_key
    kind: security.token_store
    store: kv
    token_key: from-env
  - name: yaml_key
    kind: security.token_store
    store: kv
    token_key: from-yaml
`;
    const r = await runWithModules(['security'], `
      local a, s = security.new_actor("u"), security.new_scope()
      local function verdict(maker, checker)
        local t = security.token_store(maker):create(a, s)
        local x, y, err = security.token_store(checker):validate(t)
        return x and x:id() or tostring(err)
      end
      io.print(verdict("app:by_env", "app:env_key"), verdict("app:by_env", "app:yaml_key"))
      io.print(verdict("app:unset_env", "app:yaml_key"), verdict("app:unknown_env", "app:yaml_key"))`, { entries: ENTRIES + env });
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual(['u\tinvalid token format', 'u\tu']);
  });

  it('handles are fresh per call (closing one leaves the others open) and their methods read-only', async () => {
    const r = await tok(`
      local a, s = security.new_actor("u"), security.new_scope()
      local h1, h2 = security.token_store("app:tokens"), security.token_store("app:tokens")
      local t = h1:create(a, s)
      h1:close()
      io.print(h1 ~= h2, h2:validate(t):id())
      io.print(pcall(function() getmetatable(h2).__index.create = nil end))`);
    expect(r.stderr).toBe('');
    expect(r.lines[0]).toBe('true\tu');
    expect(r.lines[1]).toMatch(/^false\t.*attempt to modify a read-only table$/);
  });
});

/** The security module over one token store kept in a MemoryStore on a clock the test moves. */
function securityWithStore(cfg: Partial<TokenStoreConfig> = {}, policies: Record<string, unknown>[] = []) {
  const registry = new PolicyRegistry();
  policies.forEach((p, i) => {
    const c = parsePolicyConfig({ policy: p }, 'app');
    if (Array.isArray(c)) throw new Error(c[0].message);
    registry.add(new Policy(`app:p${i}`, c));
  });
  const clock = { now: 1_000_000 };
  const kv = new MemoryStore(0, 0, () => clock.now);
  const config: TokenStoreConfig = { store: 'app:kv', tokenKey: '', tokenKeyEnv: '', tokenLength: 32, defaultExpirationMs: 24 * 3600_000, ...cfg };
  const store = new TokenStore(config, Buffer.from(config.tokenKey), {
    backend: () => ({ get: (k) => kv.get(k)?.value, set: (k, v, ttl) => (kv.set(k, v, ttl), undefined), delete: (k) => kv.delete(k) }),
    policy: (id) => registry.getPolicy(id),
    now: () => clock.now,
  });
  const state: { ctx: SecurityContext | undefined } = { ctx: undefined };
  const sec = createSecurityModule({ registry, strictMode: false, current: () => state.ctx });
  sec.provideTokenStores({ acquire: (id) => (id === 'app:tokens' ? store : new LuaErrorValue({ message: 'resource not found' })) });
  return { clock, kv, store, state, sec, registry, run: (src: string) => runWithGlobals(src, { security: sec.module }) };
}

describe('token store service', () => {
  it('expiry follows the store clock (the runtime scheduler: virtual time needs no waiting)', () => {
    const { clock, store } = securityWithStore({ defaultExpirationMs: 60_000 });
    const actor = { id: 'u', meta: undefined };
    const t = store.create(actor, new Scope(), 0, undefined) as string;
    const t2 = store.create(actor, new Scope(), -1, undefined) as string;
    clock.now += 59_999;
    expect(store.validate(t)).not.toBeInstanceOf(LuaErrorValue);
    clock.now += 2;
    const gone = store.validate(t) as LuaErrorValue;
    expect([gone.kind, errorText(gone)]).toEqual(['NotFound', 'token not found']);
    // a negative expiration: no TTL at all (store.go sets Expires only when expiration > 0)
    clock.now += 365 * 24 * 3600_000;
    expect(store.validate(t2)).not.toBeInstanceOf(LuaErrorValue);
  });

  it('validate rebuilds the scope from the registry: a policy gone from it is left out', () => {
    const { store, registry } = securityWithStore({}, [{ actions: 'read', resources: '*', effect: 'allow' }, { actions: 'write', resources: '*', effect: 'allow' }]);
    const t = store.create({ id: 'u', meta: { a: 1 } }, new Scope([registry.getPolicy('app:p0')!, registry.getPolicy('app:p1')!]), 0, undefined) as string;
    registry.policies.delete('app:p1');
    const v = store.validate(t);
    if (v instanceof LuaErrorValue) throw new Error(errorText(v));
    expect(v.actor).toEqual({ id: 'u', meta: { a: 1 } });
    expect(v.scope.policies().map((p) => p.id)).toEqual(['app:p0']);
  });

  it('config: defaults (32 bytes, 24h), the store in the entry namespace, and what Wippy refuses', () => {
    expect(parseTokenStoreConfig({ store: 'kv' }, 'app')).toEqual({ store: 'app:kv', tokenKey: '', tokenKeyEnv: '', tokenLength: 32, defaultExpirationMs: 86_400_000 });
    expect(parseTokenStoreConfig({ store: 'other:kv', token_length: 8, default_expiration: '90m', token_key: 'k', token_key_env: 'K' }, 'app')).toEqual({
      store: 'other:kv',
      tokenKey: 'k',
      tokenKeyEnv: 'K',
      tokenLength: 8,
      defaultExpirationMs: 5_400_000,
    });
    expect(parseTokenStoreConfig({}, 'app')).toBe('store ID is required');
    expect(parseTokenStoreConfig({ store: 'kv', token_length: -1 }, 'app')).toBe('token length must be positive');
    expect(parseTokenStoreConfig({ store: 'kv', default_expiration: 'a day' }, 'app')).toMatch(/^default_expiration: /);
    expect(parseTokenStoreConfig({ store: 'kv', default_expiration: 3600 }, 'app')).toMatch(/duration string/);
  });
});

describe('token store permissions (token_store.go: checked before anything is stored or looked up)', () => {
  const deny = (action: string) => [
    { actions: '*', resources: '*', effect: 'allow' },
    { actions: action, resources: 'app:tokens', effect: 'deny' },
  ];
  const ctxOf = (s: ReturnType<typeof securityWithStore>) => ({ actor: { id: 'svc', meta: undefined }, scope: new Scope([...s.registry.policies.values()]) });

  it('security.token_store.get denied: token_store raises', async () => {
    const s = securityWithStore({}, deny('security.token_store.get'));
    s.state.ctx = ctxOf(s);
    const out = await s.run(`print(pcall(security.token_store, "app:tokens"))`);
    expect(out).toEqual(['false\tnot allowed to access token store: app:tokens']);
  });

  it('security.token.create / validate / revoke denied: Invalid errors, and nothing stored', async () => {
    for (const [action, call, want] of [
      ['security.token.create', 'local t, e = ts:create(security.new_actor("u"), security.new_scope()); print(t, e:kind(), tostring(e))', 'nil\tInvalid\tnot allowed to create token'],
      ['security.token.validate', 'local a, s, e = ts:validate("abc"); print(a, s, e:kind(), tostring(e))', 'nil\tnil\tInvalid\tnot allowed to validate token'],
      ['security.token.revoke', 'local ok, e = ts:revoke("abc"); print(ok, e:kind(), tostring(e))', 'nil\tInvalid\tnot allowed to revoke token'],
    ]) {
      const s = securityWithStore({}, deny(action));
      s.state.ctx = ctxOf(s);
      expect(await s.run(`local ts = security.token_store("app:tokens")\n${call}`)).toEqual([want]);
      expect(s.kv.held).toBe(0);
    }
  });

  it('the checks carry meta: {actor = id} for create, {token = ...} for validate and revoke', async () => {
    const s = securityWithStore({}, [
      { actions: ['security.token_store.get', 'security.token.validate', 'security.actor.create', 'security.scope.create'], resources: '*', effect: 'allow' },
      { actions: 'security.token.create', resources: 'app:tokens', effect: 'allow', conditions: [{ field: 'meta.actor', operator: 'eq', value: 'user:ok' }] },
      { actions: 'security.token.validate', resources: 'app:tokens', effect: 'deny', conditions: [{ field: 'meta.token', operator: 'eq', value: 'banned' }] },
    ]);
    s.state.ctx = ctxOf(s);
    const out = await s.run(`
      local ts = security.token_store("app:tokens")
      local t, e = ts:create(security.new_actor("user:ok"), security.new_scope())
      print(type(t), e)
      local t2, e2 = ts:create(security.new_actor("user:other"), security.new_scope())
      print(t2, tostring(e2))
      print(ts:validate(t):id())
      local a, sc, e3 = ts:validate("banned")
      print(a, tostring(e3))`);
    expect(out).toEqual(['string\tnil', 'nil\tnot allowed to create token', 'user:ok', 'nil\tnot allowed to validate token']);
  });

  it('strict mode without a security context refuses token_store', async () => {
    const registry = new PolicyRegistry();
    const sec = createSecurityModule({ registry, strictMode: true, current: () => undefined });
    const out = await runWithGlobals(`print(pcall(security.token_store, "app:tokens"))`, { security: sec.module });
    expect(out).toEqual(['false\tnot allowed to access token store: app:tokens']);
  });

  it('a runtime given no token stores answers every id "resource not found"', async () => {
    const sec = createSecurityModule({ registry: new PolicyRegistry(), strictMode: false, current: () => undefined });
    const out = await runWithGlobals(`local s, e = security.token_store("app:tokens"); print(s, e:kind(), tostring(e))`, { security: sec.module });
    expect(out).toEqual(['nil\tInternal\tresource not found']);
  });
});

describe('token expiry in virtual time', () => {
  it('a token made to last 1h is gone after time.sleep("2h") of the virtual clock, with no real wait', async () => {
    const at = { file: '', line: 1, column: 1 };
    const kv: Entry = { id: 'app:kv', namespace: 'app', name: 'kv', kind: 'store.memory', meta: {}, fields: {}, file: '', pos: at, positions: {} };
    const tokens: Entry = { ...kv, id: 'app:tokens', name: 'tokens', kind: 'security.token_store', fields: { store: 'kv' } };
    const app = await makeApp({
      'app:main': entry(
        `local ts = security.token_store("app:tokens")
        local a, s = security.new_actor("u"), security.new_scope()
        local hour, day = ts:create(a, s, {expiration = "1h"}), ts:create(a, s)
        time.sleep("2h")
        local x, y, err = ts:validate(hour)
        print(x, tostring(err), ts:validate(day):id())
        time.sleep("23h")
        print((ts:validate(day)))`,
        ['time', 'security'],
      ),
    });
    installPlatformModules({ rt: app.rt, registry: new Map([[kv.id, kv], [tokens.id, tokens]]), log: () => {}, environment: {} });
    const started = Date.now();
    app.rt.spawn('app:main', 'app:processes');
    app.settle();
    expect(app.output.join('').split('\n').filter((l) => l !== '')).toEqual(['nil\ttoken not found\tu', 'nil']);
    expect(app.time.now()).toBeGreaterThanOrEqual(25 * 3600_000);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
