// Every process operation asks the permission check with the seed's permission name and resource (seed "Referencia
// de Permisos" / "Permisos Multiples"; Wippy spec §4: the resource of pid operations is the resolved pid), and a
// denial gives nil, err PermissionDenied (spawner methods raise) with no side effect at all.
import { describe, expect, it } from 'vitest';
import { runMain, entry, type TestApp } from '../../support/process-harness.js';
import type { Proc } from '../../../runtime/process/proc.js';

interface Op {
  name: string;
  /** Lua statements ending in `return v, err`; `target` is a live process, the name "nm" belongs to app:main */
  lua: string;
  /** expected [action, resource] calls made by the op; TARGET stands for the target's pid */
  calls: [string, string][];
  /** the action denied in the second run (denied only for calls made by app:op) */
  deny: string;
  /** raises instead of returning nil, err when denied */
  raises?: boolean;
  /** after a denied run: asserts that nothing happened */
  noEffect(app: TestApp, op: Proc, target: Proc, lines: string[]): void;
}

const byEntry = (app: TestApp, id: string): Proc[] => [...app.rt.node.procs.values()].filter((p) => p.entryId === id);
const noChild = (app: TestApp): void => expect(byEntry(app, 'app:child')).toHaveLength(0);

const OPS: Op[] = [
  {
    name: 'send',
    lua: `return process.send(target, "t", 1)`,
    calls: [['process.send', 'TARGET']],
    deny: 'process.send',
    noEffect: (_a, _o, t) => expect(t.queued).toBe(0),
  },
  {
    name: 'send by registered name (resource is the resolved pid; foreign pid checked before the name, module.go)',
    lua: `process.registry.register("tgt", target) return process.send("tgt", "t", 1)`,
    calls: [
      ['process.registry.foreign', 'TARGET'],
      ['process.registry.register', 'tgt'],
      ['process.send', 'TARGET'],
    ],
    deny: 'process.send',
    noEffect: (_a, _o, t) => expect(t.queued).toBe(0),
  },
  {
    name: 'spawn',
    lua: `return process.spawn("app:child", "app:processes")`,
    calls: [
      ['process.spawn', 'app:child'],
      ['process.host', 'app:processes'],
    ],
    deny: 'process.host',
    noEffect: noChild,
  },
  {
    name: 'spawn_monitored',
    lua: `return process.spawn_monitored("app:child", "app:processes")`,
    calls: [
      ['process.spawn', 'app:child'],
      ['process.spawn.monitored', 'app:child'],
      ['process.host', 'app:processes'],
    ],
    deny: 'process.spawn.monitored',
    noEffect: noChild,
  },
  {
    name: 'spawn_linked',
    lua: `return process.spawn_linked("app:child", "app:processes")`,
    calls: [
      ['process.spawn', 'app:child'],
      ['process.spawn.linked', 'app:child'],
      ['process.host', 'app:processes'],
    ],
    deny: 'process.spawn.linked',
    noEffect: noChild,
  },
  {
    name: 'spawn_linked_monitored',
    lua: `return process.spawn_linked_monitored("app:child", "app:processes")`,
    calls: [
      ['process.spawn', 'app:child'],
      ['process.spawn.monitored', 'app:child'],
      ['process.spawn.linked', 'app:child'],
      ['process.host', 'app:processes'],
    ],
    deny: 'process.spawn',
    noEffect: noChild,
  },
  {
    name: 'exec',
    lua: `return process.exec("app:execchild", "app:processes")`,
    calls: [
      ['process.exec', 'app:execchild'],
      ['process.host', 'app:processes'],
    ],
    deny: 'process.exec',
    noEffect: (_a, _o, _t, lines) => expect(lines).not.toContain('exec child ran'),
  },
  {
    name: 'terminate',
    lua: `return process.terminate(target)`,
    calls: [['process.terminate', 'TARGET']],
    deny: 'process.terminate',
    noEffect: (_a, _o, t) => expect(t.alive).toBe(true),
  },
  {
    name: 'cancel',
    lua: `return process.cancel(target, "why")`,
    calls: [['process.cancel', 'TARGET']],
    deny: 'process.cancel',
    noEffect: (_a, _o, t) => expect(t.queued).toBe(0),
  },
  {
    name: 'monitor',
    lua: `return process.monitor(target)`,
    calls: [['process.monitor', 'TARGET']],
    deny: 'process.monitor',
    noEffect: (_a, o, t) => {
      expect(t.monitors.has(o)).toBe(false);
      expect(o.monitoring.size).toBe(0);
    },
  },
  {
    name: 'unmonitor',
    lua: `process.monitor(target) return process.unmonitor(target)`,
    calls: [
      ['process.monitor', 'TARGET'],
      ['process.unmonitor', 'TARGET'],
    ],
    deny: 'process.unmonitor',
    noEffect: (_a, o, t) => expect(t.monitors.has(o)).toBe(true),
  },
  {
    name: 'link',
    lua: `return process.link(target)`,
    calls: [['process.link', 'TARGET']],
    deny: 'process.link',
    noEffect: (_a, o, t) => {
      expect(t.links.has(o)).toBe(false);
      expect(o.links.size).toBe(0);
    },
  },
  {
    name: 'unlink',
    lua: `process.link(target) return process.unlink(target)`,
    calls: [
      ['process.link', 'TARGET'],
      ['process.unlink', 'TARGET'],
    ],
    deny: 'process.unlink',
    noEffect: (_a, o, t) => expect(t.links.has(o) && o.links.has(t)).toBe(true),
  },
  {
    // context.go spawnerNew: l.RaiseError("not allowed to spawn processes with custom context")
    name: 'with_context (raises when denied, as context.go does)',
    lua: `return process.with_context({ a = 1 })`,
    calls: [['process.context', 'context']],
    deny: 'process.context',
    raises: true,
    noEffect: noChild,
  },
  {
    // context.go spawnerNewWithOptions: l.RaiseError("not allowed to spawn processes with custom options")
    name: 'with_options (process.context too; raises when denied, as context.go does)',
    lua: `return process.with_options({})`,
    calls: [['process.context', 'context']],
    deny: 'process.context',
    raises: true,
    noEffect: noChild,
  },
  {
    // Wippy's context.go queues with_message payloads unchecked; here they need process.send on the child's pid,
    // asked before the child exists
    name: 'spawner with_message: process.send on the child pid, before the spawn',
    lua: `return process.with_options({}):with_message("m", 1):with_message("m", 2):spawn("app:child", "app:processes")`,
    calls: [
      ['process.context', 'context'],
      ['process.spawn', 'app:child'],
      ['process.host', 'app:processes'],
      ['process.send', 'CHILD'],
    ],
    deny: 'process.send',
    raises: true,
    noEffect: noChild,
  },
  {
    // Wippy's context.go passes with_name to the spawn unchecked; here the caller needs the name, as register asks
    name: 'spawner with_name: process.registry.register on the name, before the spawn',
    lua: `return process.with_options({}):with_name("kid"):spawn("app:child", "app:processes")`,
    calls: [
      ['process.context', 'context'],
      ['process.spawn', 'app:child'],
      ['process.host', 'app:processes'],
      ['process.registry.register', 'kid'],
    ],
    deny: 'process.registry.register',
    raises: true,
    noEffect: (a) => {
      noChild(a);
      expect(a.rt.node.names.has('kid')).toBe(false);
    },
  },
  {
    name: 'spawner:with_context after with_actor also needs process.security',
    lua: `return process.with_context({}):with_actor(require("security").new_actor("a", {})):with_context({ b = 2 })`,
    calls: [
      ['process.context', 'context'],
      ['process.security', 'security'],
      ['process.context', 'context'],
      ['process.security', 'security'],
    ],
    deny: 'process.security',
    raises: true,
    noEffect: noChild,
  },
  {
    name: 'spawner:with_actor',
    lua: `return process.with_options({}):with_actor(require("security").new_actor("someone", {}))`,
    calls: [
      ['process.context', 'context'],
      ['process.security', 'security'],
    ],
    deny: 'process.security',
    raises: true,
    noEffect: noChild,
  },
  {
    name: 'spawner:with_scope',
    lua: `return process.with_options({}):with_scope(require("security").new_scope())`,
    calls: [
      ['process.context', 'context'],
      ['process.security', 'security'],
    ],
    deny: 'process.security',
    raises: true,
    noEffect: noChild,
  },
  {
    name: 'spawner:spawn_linked_monitored (raises when denied)',
    lua: `return process.with_options({}):spawn_linked_monitored("app:child", "app:processes")`,
    calls: [
      ['process.context', 'context'],
      ['process.spawn', 'app:child'],
      ['process.spawn.monitored', 'app:child'],
      ['process.spawn.linked', 'app:child'],
      ['process.host', 'app:processes'],
    ],
    deny: 'process.spawn.linked',
    raises: true,
    noEffect: noChild,
  },
  {
    name: 'registry.register',
    lua: `return process.registry.register("mine")`,
    calls: [['process.registry.register', 'mine']],
    deny: 'process.registry.register',
    noEffect: (a) => expect(a.rt.node.names.has('mine')).toBe(false),
  },
  {
    name: 'registry.unregister of its own name',
    lua: `process.registry.register("own") return process.registry.unregister("own")`,
    calls: [
      ['process.registry.register', 'own'],
      ['process.registry.unregister', 'own'],
    ],
    deny: 'process.registry.unregister',
    noEffect: (a, o) => expect(a.rt.node.names.get('own')).toBe(o),
  },
  {
    // module.go registryUnregister checks process.registry.unregister on the name; a name another pid holds then
    // answers false with no removal (Wippy's cluster-scope rule, applied by moonforge to every scope)
    name: 'registry.unregister of a name another process holds: checked, then refused without removal',
    lua: `return process.registry.unregister("tn")`,
    calls: [['process.registry.unregister', 'tn']],
    deny: 'process.registry.unregister',
    noEffect: (a, _o, t) => expect(a.rt.node.names.get('tn')).toBe(t),
  },
];

const ENTRIES = {
  'app:main': entry(`
    local t = process.spawn("app:target", "app:processes")
    process.registry.register("nm")
    process.registry.register("tn", t)
    process.spawn("app:op", "app:processes", t)
    process.inbox():receive()`),
  // the target subscribes to nothing, so whatever reaches it stays queued where the test can see it
  'app:target': entry(`channel.new(0):receive()`),
  'app:execchild': entry(`print("exec child ran") return "x"`),
  'app:child': entry(`process.inbox():receive()`),
};

async function runOp(
  op: Op,
  deny: boolean,
): Promise<{ app: TestApp; calls: [string, string][]; lines: string[]; opProc: Proc; target: Proc | undefined; targetPid: string }> {
  const calls: [string, string][] = [];
  const { app, lines } = await runMain(
    {
      ...ENTRIES,
      'app:op': entry(`
        local target = ...
        print("target", target)
        local ok, v, err = pcall(function() ${op.lua} end)
        if not ok then print("raised", tostring(v)) else print("returned", tostring(v), err and err:kind() or "-", err and err:message() or "-") end
        process.inbox():receive()`, ['time', 'security']),
    },
    'app:main',
    [],
    (action, resource, caller) => {
      if (caller?.entryId !== 'app:op') return true;
      calls.push([action, resource]);
      return !(deny && action === op.deny);
    },
  );
  const [opProc] = byEntry(app, 'app:op');
  const [target] = byEntry(app, 'app:target');
  expect(opProc).toBeDefined();
  const targetPid = lines.find((l) => l.startsWith('target\t'))?.slice(7) ?? '';
  expect(targetPid).toMatch(/^\{app:processes\|0x/);
  return { app, calls, lines: lines.filter((l) => !l.startsWith('target\t')), opProc: opProc!, target, targetPid };
}

describe('permission checks of every process operation', () => {
  for (const op of OPS) {
    it(`${op.name}: asks ${op.calls.map((c) => c[0]).join(' + ')}`, async () => {
      const { calls, lines, targetPid } = await runOp(op, false);
      const res = lines.find((l) => l.startsWith('returned') || l.startsWith('raised'));
      // CHILD: the pid the op returned (the spawned child)
      const childPid = res?.split('\t')[1];
      expect(calls).toEqual(op.calls.map(([a, r]) => [a, r === 'TARGET' ? targetPid : r === 'CHILD' ? childPid : r]));
      expect(res).toMatch(/^returned\t/);
      expect(res).not.toMatch(/PermissionDenied/);
      if (op.name === 'exec') expect(lines).toContain('exec child ran');
    });

    it(`${op.name}: denied ${op.deny} → ${op.raises === true ? 'raises' : 'nil, PermissionDenied'}, no side effect`, async () => {
      const { app, calls, lines, opProc, target } = await runOp(op, true);
      expect(calls.map((c) => c[0])).toContain(op.deny);
      // checks stop at the first denial
      expect(calls[calls.length - 1]![0]).toBe(op.deny);
      if (op.raises === true) expect(lines[0]).toMatch(/^raised\t.*not allowed/);
      else expect(lines[0]).toMatch(/^returned\tnil\tPermissionDenied\tnot allowed/);
      expect(target).toBeDefined();
      op.noEffect(app, opProc, target!, lines);
    });
  }
});

describe('default check', () => {
  it('without a check installed every operation is allowed (no actor, no scope: spec §4)', async () => {
    const { app, lines } = await runMain(
      { ...ENTRIES, 'app:op': entry(`local target = ... print(process.send(target, "t", 1), process.link(target)) process.inbox():receive()`) },
      'app:main',
    );
    expect(lines).toEqual(['true\ttrue']);
    expect(byEntry(app, 'app:target')[0]!.queued).toBe(1);
  });
});
