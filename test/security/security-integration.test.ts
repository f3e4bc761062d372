// End-to-end security through processes, for when the integration is wired (issue 5). SKIPPED until then:
// it needs (1) Proc.security: SecurityContext set from SpawnOptions.security and inherited from the parent,
// (2) ProcessRuntimeOptions.security = { registry, strictMode } making createPermissionCheck the node's check and
// binding the `security` module (modules: [security]) with current() = the running process's context, and
// (3) Spawner:with_actor / :with_scope taking Actor / Scope userdata (SecurityModule.actorOf / scopeOf).
// Wippy facts used: wippyai/runtime tests/app/src/test/process/ctx_inherit.lua (children inherit actor and
// scope), runtime/lua/modules/process/context.go (with_actor/with_scope need process.security on "security").
import { describe, expect, it } from 'vitest';
import { Policy, parsePolicyConfig } from '../../runtime/security/policy.js';
import { PolicyRegistry } from '../../runtime/security/registry.js';
import { runBodies } from '../support/process-harness.js';

function registryWith(defs: Record<string, Record<string, unknown>>, groups: Record<string, string[]> = {}): PolicyRegistry {
  const reg = new PolicyRegistry();
  for (const [id, def] of Object.entries(defs)) {
    const cfg = parsePolicyConfig({ policy: def, groups: groups[id] }, 'app');
    if (Array.isArray(cfg)) throw new Error(cfg[0].message);
    reg.add(new Policy(id, cfg));
  }
  return reg;
}

async function run(bodies: Record<string, string>, registry: PolicyRegistry, strictMode = false): Promise<string[]> {
  const { 'app:main': main, ...others } = bodies;
  const { lines } = await runBodies(main!, others, undefined, ['time', 'security'], { security: { registry, strictMode } });
  return lines;
}

const POLICIES = {
  'app:allow_all': { actions: '*', resources: '*', effect: 'allow' },
  'app:no_send': { actions: 'process.send', resources: '*', effect: 'deny' },
};

describe('security through processes', () => {
  it('with_actor/with_scope give the child its context; the child is checked against it', async () => {
    const lines = await run(
      {
        'app:main': `
          local a = security.new_actor("worker:1", { role = "worker" })
          local s = security.new_scope({ security.policy("app:allow_all"), security.policy("app:no_send") })
          local pid = process.with_context({}):with_actor(a):with_scope(s):spawn("app:child", "app:processes", process.pid())
          time.sleep("10ms")`,
        'app:child': `
          local parent = ...
          print(security.actor():id(), security.actor():meta().role, #security.scope():policies())
          print(security.can("process.spawn", "x"), security.can("process.send", parent))
          local ok, err = process.send(parent, "hi")
          print(ok, err and err:kind())`,
      },
      registryWith(POLICIES),
    );
    expect(lines).toEqual(['worker:1\tworker\t2', 'true\tfalse', 'nil\tPermissionDenied']);
  });

  it('children inherit the actor and scope (ctx_inherit.lua)', async () => {
    const lines = await run(
      {
        'app:main': `
          local a = security.new_actor("u")
          local s = security.new_scope({ security.policy("app:allow_all") })
          process.with_context({}):with_actor(a):with_scope(s):spawn("app:child", "app:processes")
          time.sleep("10ms")`,
        'app:child': `process.spawn("app:grandchild", "app:processes") time.sleep("5ms")`,
        'app:grandchild': `print(security.actor():id(), #security.scope():policies())`,
      },
      registryWith(POLICIES),
    );
    expect(lines).toEqual(['u\t1']);
  });

  it("the spawner's actor applies to the child, not to the spawn call", async () => {
    const lines = await run(
      {
        'app:main': `
          local a = security.new_actor("u")
          local denyAll = security.new_scope()
          local pid, err = process.with_context({}):with_actor(a):with_scope(denyAll):spawn("app:child", "app:processes")
          print(type(pid))
          time.sleep("5ms")`,
        'app:child': `local p, err = process.spawn("app:grandchild", "app:processes") print(p, err and err:kind())`,
        'app:grandchild': `print("never")`,
      },
      registryWith(POLICIES),
    );
    expect(lines).toEqual(['string', 'nil\tPermissionDenied']);
  });

  it('with_actor needs an Actor and process.security on "security"', async () => {
    const lines = await run(
      {
        'app:main': `
          print(pcall(function() return process.with_context({}):with_actor("nope") end))
          local a = security.new_actor("u")
          local s = security.new_scope({ security.policy("app:allow_all"), security.policy("app:no_security") })
          process.with_context({}):with_actor(a):with_scope(s):spawn("app:child", "app:processes")
          time.sleep("5ms")`,
        'app:child': `print(pcall(function() return process.with_context({}):with_actor(security.actor()) end))`,
      },
      registryWith({ ...POLICIES, 'app:no_security': { actions: 'process.security', resources: 'security', effect: 'deny' } }),
    );
    expect(lines[0]).toMatch(/^false\t.*Actor expected/);
    expect(lines[1]).toMatch(/^false\t.*not allowed/);
  });

  it('strict mode: a root process without context can do nothing, new_actor raises', async () => {
    const lines = await run(
      {
        'app:main': `
          print(process.spawn("app:child", "app:processes"))
          print(pcall(security.new_actor, "x"))`,
        'app:child': `print("never")`,
      },
      registryWith(POLICIES),
      true,
    );
    expect(lines[0]).toMatch(/^nil\t/);
    expect(lines[1]).toMatch(/^false\t.*not allowed to create actor with ID: x/);
  });
});
