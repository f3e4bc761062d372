// Issue #10, permission holes: operations that used to skip their check or report a denial where Lua code could
// not see it. Each case runs the attack with the permission denied (nothing may happen) and granted (it works).
// Wippy sources: runtime/lua/modules/process/module.go (upgrade, registryRegister, registryUnregister) and
// context.go (spawnerNew, spawnerNewWithOptions, spawnerWithMessage, doSpawnerSpawn);
// system/scheduler/actor/worker.go (StepUpgrade: swaps the code in without a check).
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';
import type { PermissionCheck } from '../../../runtime/process/node.js';
import { createPermissionCheck } from '../../../runtime/security/check.js';

/** Denies `action` (on `resource`, when given) to the processes running `entryId`; allows everything else. */
const denyTo =
  (entryId: string, action: string, resource?: string): PermissionCheck =>
  (a, r, caller) =>
    !(caller?.entryId === entryId && a === action && (resource === undefined || r === resource));

const RES = `local function res(v, err) return tostring(v) .. " " .. tostring(err and err:kind()) .. " " .. tostring(err and err:message()) end`;

describe('process.upgrade asks process.spawn on the entry it runs (Wippy checks nothing: worker.go StepUpgrade)', () => {
  const others = {
    'app:worker': `${RES}
      print("worker", res(process.upgrade("app:evil", "state")))
      print("still worker", process.id())`,
    'app:evil': `print("evil ran with", ...)`,
  };
  const main = `process.spawn("app:worker", "app:processes")`;

  it('denied: nil, PermissionDenied; the entry never runs and the process goes on as it was', async () => {
    const { lines } = await runBodies(main, others, denyTo('app:worker', 'process.spawn', 'app:evil'));
    expect(lines).toEqual(['worker\tnil PermissionDenied not allowed to spawn process: app:evil', 'still worker\tapp:worker']);
  });

  it('allowed: the process runs the new entry with the state', async () => {
    const { lines } = await runBodies(main, others, denyTo('app:worker', 'process.spawn', 'app:other'));
    expect(lines).toEqual(['evil ran with\tstate']);
  });

  it('strict mode without an actor denies it, even to re-run the same entry', async () => {
    const strict = createPermissionCheck({ strictMode: true });
    const { lines, exit } = await runBodies(
      // the guard keeps a runtime without the check (main re-run with 1) from upgrading forever
      `${RES} if ... == nil then print(res(process.upgrade(nil, 1))) end return "kept"`,
      {},
      (a, r, c) => strict(a, r, c),
    );
    expect(lines).toEqual(['nil PermissionDenied not allowed to spawn process: app:main']);
    expect(exit?.value).toBe('kept');
  });
});

describe('registry.unregister of a name another process holds answers false, whatever the rights (Wippy cluster-scope rule)', () => {
  // app:svc owns "svc"; app:thief tries to release it and take it over, then main sends to "svc".
  const others = {
    'app:svc': `
      process.registry.register("svc")
      local parent = ...
      process.send(parent, "ready")
      local m = process.inbox():receive()
      print("svc got", m:payload():data())`,
    'app:thief': `${RES}
      local parent = ...
      print("unregister", res(process.registry.unregister("svc")))
      print("register", res(process.registry.register("svc")))
      process.send(parent, "done")
      local m = process.inbox():receive()
      print("thief got", m:payload():data())`,
  };
  const main = `
    local inbox = process.inbox()
    local svc = process.spawn("app:svc", "app:processes", process.pid())
    inbox:receive()
    process.spawn("app:thief", "app:processes", process.pid())
    inbox:receive()
    print("owner is svc", process.registry.lookup("svc") == svc)
    process.send("svc", "m", "secret")`;

  it('without any policy: false, the name stays with its owner and messages still reach it', async () => {
    const { lines } = await runBodies(main, others);
    expect(lines).toEqual([
      'unregister\tfalse nil nil',
      'register\tnil AlreadyExists name already registered',
      'owner is svc\ttrue',
      'svc got\tsecret',
    ]);
  });

  it('with process.registry.foreign granted and everything else denied: still false', async () => {
    const { lines } = await runBodies(main, others, denyTo('app:thief', 'process.registry.register', 'other'));
    expect(lines[0]).toBe('unregister\tfalse nil nil');
    expect(lines.slice(2)).toEqual(['owner is svc\ttrue', 'svc got\tsecret']);
  });

  it('its own name needs only process.registry.unregister', async () => {
    const { lines } = await runBodies(
      `${RES} process.registry.register("mine") print(res(process.registry.unregister("mine"))) print(res(process.registry.lookup("mine")))`,
      {},
      denyTo('app:main', 'process.registry.foreign'),
    );
    expect(lines).toEqual(['true nil nil', 'nil NotFound name not registered']);
  });
});

describe('Spawner:with_message needs process.send on the child, checked before the spawn', () => {
  const others = { 'app:child': `print("child ran") print("child got", process.inbox():receive():payload():data())` };
  const main = `
    local ok, e = pcall(function()
      return process.with_context({}):with_message("m", "secret"):spawn("app:child", "app:processes")
    end)
    print(ok, tostring(e))`;

  it('denied: raises as the Spawner does, no child is spawned and nothing is delivered', async () => {
    const { lines, app } = await runBodies(main, others, denyTo('app:main', 'process.send'));
    expect(lines).toEqual([expect.stringMatching(/^false\t.*not allowed to send: \{app:processes\|0x\w+\}$/)]);
    expect([...app.rt.node.procs.values()].filter((p) => p.entryId === 'app:child')).toHaveLength(0);
  });

  it('the denied pid is the one the child would have had', async () => {
    let asked = '';
    const check: PermissionCheck = (a, r) => (a === 'process.send' ? ((asked = r), true) : true);
    const { lines } = await runBodies(main, others, check);
    expect(lines).toEqual([`true\t${asked}`, 'child ran', 'child got\tsecret']);
  });

  it('a spawner without messages does not ask process.send', async () => {
    const { lines } = await runBodies(
      `print(pcall(function() return process.with_context({}):spawn("app:child", "app:processes") ~= nil end))`,
      { 'app:child': `print("child ran")` },
      denyTo('app:main', 'process.send'),
    );
    expect(lines).toEqual(['true\ttrue', 'child ran']);
  });
});

describe('Spawner:with_name needs process.registry.register on the name, checked before the spawn', () => {
  // a process denied names would otherwise squat a service's name through a child and get the service's messages
  const others = { 'app:child': `print("child ran")` };
  const main = `
    local ok, e = pcall(function() return process.with_context({}):with_name("svc"):spawn("app:child", "app:processes") end)
    print(ok, ok or tostring(e))
    print("svc", process.registry.lookup("svc") ~= nil)`;

  it('denied: raises, no child, the name stays free', async () => {
    const { lines } = await runBodies(main, others, denyTo('app:main', 'process.registry.register', 'svc'));
    expect(lines).toEqual([expect.stringMatching(/^false\t.*not allowed to register name: svc$/), 'svc\tfalse']);
  });

  it('allowed: the child holds the name', async () => {
    const { lines } = await runBodies(main, others, denyTo('app:main', 'process.registry.register', 'other'));
    expect(lines).toEqual(['true\ttrue', 'svc\ttrue', 'child ran']);
  });
});

describe('process.with_context / with_options raise when denied (context.go: l.RaiseError), so pcall sees it', () => {
  for (const [fn, what] of [
    ['with_context', 'context'],
    ['with_options', 'options'],
  ]) {
    it(`${fn}`, async () => {
      const body = `local ok, e = pcall(process.${fn}, {}) print(ok, tostring(e))`;
      const { lines } = await runBodies(body, {}, denyTo('app:main', 'process.context', 'context'));
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^false\\t.*not allowed to spawn processes with custom ${what}$`))]);
      const allowed = await runBodies(body, {}, denyTo('app:main', 'process.context', 'other'));
      expect(allowed.lines).toEqual(['true\tprocess.Spawner']);
    });
  }
});
