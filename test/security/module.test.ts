// The `security` Lua module, against Wippy's own tests (wippyai/runtime tests/app/src/test/security/*.lua,
// runtime/lua/modules/security/*.go): actors, scopes, policies, named scopes, can(), and strict mode.
import { describe, expect, it } from 'vitest';
import { createSecurityModule } from '../../runtime/security/module.js';
import { PolicyRegistry } from '../../runtime/security/registry.js';
import { Policy, parsePolicyConfig } from '../../runtime/security/policy.js';
import { Scope } from '../../runtime/security/scope.js';
import type { SecurityContext } from '../../runtime/security/check.js';
import { runWithGlobals } from './support.js';

/** The policies of wippyai/runtime tests/app/src/test/security/_index.yaml. */
function testRegistry(): PolicyRegistry {
  const reg = new PolicyRegistry();
  const add = (name: string, policy: Record<string, unknown>, groups?: string[]): void => {
    const cfg = parsePolicyConfig({ policy, groups }, 'app.test.security');
    if (Array.isArray(cfg)) throw new Error(cfg[0].message);
    reg.add(new Policy(`app.test.security:${name}`, cfg));
  };
  add('allow_all', { actions: '*', resources: '*', effect: 'allow' }, ['test_group']);
  add('deny_all', { actions: '*', resources: '*', effect: 'deny' }, ['test_deny_group']);
  add('read_only', { actions: ['read', 'list', 'get'], resources: '*', effect: 'allow' }, ['test_read_group']);
  add('actor_match', {
    actions: '*',
    resources: '*',
    effect: 'allow',
    conditions: [{ field: 'actor.id', operator: 'eq', value: 'admin' }],
  });
  return reg;
}

function setup(opts: { strictMode?: boolean; ctx?: SecurityContext } = {}) {
  const registry = testRegistry();
  const state: { ctx: SecurityContext | undefined } = { ctx: opts.ctx };
  const sec = createSecurityModule({ registry, strictMode: opts.strictMode ?? false, current: () => state.ctx });
  const run = (src: string): Promise<string[]> => runWithGlobals(src, { security: sec.module });
  return { registry, state, sec, run };
}

describe('security module', () => {
  it('actor.lua: new_actor, :id(), :meta()', async () => {
    const { run } = setup();
    const out = await run(`
      local actor = security.new_actor("test_user", { role = "admin", department = "engineering", tags = {"a", "b"} })
      print(type(actor), actor:id())
      local meta = actor:meta()
      print(meta.role, meta.department, #meta.tags, meta.tags[2])
      print(security.new_actor("x"):id(), next(security.new_actor("x"):meta()))
    `);
    expect(out).toEqual(['userdata\ttest_user', 'admin\tengineering\t2\tb', 'x\tnil']);
  });

  it('policy_eval.lua: an empty scope evaluates to "undefined"', async () => {
    const { run } = setup();
    const out = await run(`
      local user = security.new_actor("test_user", { role = "viewer" })
      local empty = security.new_scope()
      print(#empty:policies(), empty:evaluate(user, "read", "resource"))
    `);
    expect(out).toEqual(['0\tundefined']);
  });

  it('policy(), :with, :without, :contains, :policies, :evaluate', async () => {
    const { run } = setup();
    const out = await run(`
      local admin = security.new_actor("admin", {})
      local user = security.new_actor("user", {})
      local ro, err = security.policy("app.test.security:read_only")
      print(ro:id(), err)
      print(ro:evaluate(user, "read", "doc"), ro:evaluate(user, "write", "doc"))
      local deny = security.policy("app.test.security:deny_all")
      local match = security.policy("app.test.security:actor_match")
      local s = security.new_scope({ ro, match })
      print(#s:policies(), s:contains("app.test.security:read_only"), s:contains(deny), s:contains({ ns = "app.test.security", name = "actor_match" }))
      print(s:evaluate(user, "read", "x"), s:evaluate(user, "write", "x"), s:evaluate(admin, "write", "x"))
      local s2 = s:with(deny)
      print(#s:policies(), #s2:policies(), s2:evaluate(admin, "read", "x"))
      local s3 = s2:without("app.test.security:deny_all")
      print(#s3:policies(), s3:evaluate(admin, "read", "x"), s3:without(match):evaluate(admin, "write", "x"))
      print(s:evaluate(user, "read", "x", { owner = "user" }))
      local missing, err2 = security.policy("app.test.security:nope")
      print(missing, errors.is(err2, errors.INTERNAL), tostring(err2))
    `);
    expect(out).toEqual([
      'app.test.security:read_only\tnil',
      'allow\tundefined',
      '2\ttrue\tfalse\ttrue',
      'allow\tundefined\tallow',
      '2\t3\tdeny',
      '2\tallow\tundefined',
      'allow',
      'nil\ttrue\tpolicy not found',
    ]);
  });

  it('named_scope.lua: a group as a scope, and an error for an unknown group', async () => {
    const { run } = setup();
    const out = await run(`
      local s = security.new_scope()
      print(s:contains("nonexistent:policy"))
      local named, err = security.named_scope("app.test.security:test_group")
      print(err, #named:policies(), named:policies()[1]:id())
      local none, err2 = security.named_scope("app.test.security:nope")
      print(none, tostring(err2))
    `);
    expect(out).toEqual(['false', 'nil\t1\tapp.test.security:allow_all', 'nil\tpolicy group not found']);
  });

  it('can.lua: false without an actor and a scope, else the scope decides', async () => {
    const { run, state, registry } = setup();
    expect(await run(`print(security.can("read", "resource"), security.actor(), security.scope())`)).toEqual(['false\tnil\tnil']);
    state.ctx = { actor: { id: 'can_test_user', meta: { role: 'tester' } }, scope: new Scope() };
    expect(await run(`print(security.can("read", "r"), security.can("write", "r"), security.actor():id(), #security.scope():policies())`)).toEqual([
      'false\tfalse\tcan_test_user\t0',
    ]);
    state.ctx = { actor: { id: 'u', meta: {} }, scope: registry.getGroup('app.test.security:test_read_group') };
    expect(await run(`print(security.can("read", "r"), security.can("write", "r"), security.can("get", "r", { x = 1 }))`)).toEqual([
      'true\tfalse\ttrue',
    ]);
  });

  it('can() with meta reaches meta.* conditions', async () => {
    const registry = new PolicyRegistry();
    const cfg = parsePolicyConfig(
      { policy: { actions: 'delete', resources: 'document:*', effect: 'allow', conditions: [{ field: 'meta.owner_id', operator: 'eq', value_from: 'actor.id' }] } },
      'app',
    );
    if (Array.isArray(cfg)) throw new Error('bad');
    registry.add(new Policy('app:owner_delete', cfg));
    const sec = createSecurityModule({
      registry,
      strictMode: false,
      current: () => ({ actor: { id: 'user:1', meta: {} }, scope: new Scope(registry.policies.values()) }),
    });
    const out = await runWithGlobals(
      `print(security.can("delete", "document:9", { owner_id = "user:1" }), security.can("delete", "document:9", { owner_id = "user:2" }), security.can("delete", "document:9"))`,
      { security: sec.module },
    );
    expect(out).toEqual(['true\tfalse\tfalse']);
  });

  it('argument errors name the function', async () => {
    const { run } = setup();
    await expect(run(`security.can()`)).rejects.toMatchObject({ value: expect.stringContaining("bad argument #1 to 'can' (string expected, got no value)") });
    await expect(run(`security.new_scope():evaluate("x", "a", "r")`)).rejects.toMatchObject({
      value: expect.stringContaining("bad argument #2 to 'evaluate' (userdata expected, got string)"),
    });
    await expect(run(`local s = security.new_scope(); s.with(security.new_actor("a"), nil)`)).rejects.toMatchObject({
      value: expect.stringContaining("bad argument #1 to 'with' (Scope expected)"),
    });
  });

  it('the module table is read-only', async () => {
    const { run } = setup();
    await expect(run(`security.can = nil`)).rejects.toMatchObject({ value: expect.stringContaining('attempt to modify a read-only table') });
  });
});

describe('strict mode (module.go newActor/newScope, scope.go with/without)', () => {
  it('new_actor and new_scope raise without a security context', async () => {
    const { run } = setup({ strictMode: true });
    await expect(run(`security.new_actor("bob")`)).rejects.toMatchObject({ value: expect.stringContaining('not allowed to create actor with ID: bob') });
    await expect(run(`security.new_scope()`)).rejects.toMatchObject({ value: expect.stringContaining('not allowed to create custom scopes') });
    expect(await run(`local p, err = security.policy("app.test.security:allow_all"); print(p, err:kind(), err:message())`)).toEqual([
      'nil\tInvalid\tpermission denied: access policy',
    ]);
    expect(await run(`local s, err = security.named_scope("app.test.security:test_group"); print(s, err:message())`)).toEqual([
      'nil\tpermission denied: access policy group',
    ]);
  });
  it('a context whose scope allows security.* may create actors and scopes', async () => {
    const { run, state, registry } = setup({ strictMode: true });
    const cfg = parsePolicyConfig({ policy: { actions: ['security.actor.create', 'security.scope.create', 'security.policy.get'], resources: '*', effect: 'allow' } }, 'app');
    if (Array.isArray(cfg)) throw new Error('bad');
    state.ctx = { actor: { id: 'root', meta: {} }, scope: new Scope([new Policy('app:sec_admin', cfg)]) };
    expect(await run(`local a = security.new_actor("bob"); local s = security.new_scope(); local p = security.policy("app.test.security:deny_all"); print(a:id(), #s:with(p):policies())`)).toEqual([
      'bob\t1',
    ]);
    void registry;
    state.ctx = { actor: { id: 'root', meta: {} }, scope: new Scope() };
    await expect(run(`security.new_actor("bob")`)).rejects.toMatchObject({ value: expect.stringContaining('not allowed to create actor') });
  });
  it('non-strict mode lets code without a context create actors and scopes', async () => {
    const { run } = setup({ strictMode: false });
    expect(await run(`print(security.new_actor("a"):id(), #security.new_scope():policies())`)).toEqual(['a\t0']);
  });
});

describe('read-only method tables', () => {
  it('actor methods cannot be replaced', async () => {
    const { run } = setup();
    await expect(run(`local mt = getmetatable(security.new_actor("a")); mt.__index.id = nil`)).rejects.toMatchObject({
      value: expect.stringContaining('attempt to modify a read-only table'),
    });
  });
});
