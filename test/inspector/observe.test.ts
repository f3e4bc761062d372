// The observation tap (runtime/process/observe.ts): what an attached observer sees of a small app, in order, and that
// several observers see the same, and a detached one nothing more.
import { describe, expect, it } from 'vitest';
import { makeApp } from '../support/process-harness.js';
import type { ProcessObserver } from '../../runtime/process/observe.js';
import type { Proc } from '../../runtime/process/proc.js';
import { Channel } from '../../runtime/process/channel.js';

const PARENT = `
local function main()
  process.registry.register("boss")
  local child = process.spawn_linked_monitored("app:child", "app:processes")
  process.send(child, "ping", 1)
  local ev = process.events():receive()
  return ev.kind
end
return { main = main }
`;
const CHILD = `
local function main()
  time.sleep("1ms")
  local m = process.inbox():receive()
  error("child failed on " .. m:topic())
end
return { main = main }
`;

function recorder(log: string[]): ProcessObserver<Proc> {
  return {
    spawned: (p, parent, entry, host, o) => log.push(`spawn ${entry} parent=${parent?.entryId ?? '-'} host=${host} link=${o.link === true} monitor=${o.monitor === true}`),
    exited: (p, r) => log.push(`exit ${p.entryId} ${r.error === undefined ? 'ok' : 'error'}`),
    delivered: (to, env) => log.push(`deliver ${env.topic} -> ${to.entryId}`),
    named: (p, name, on) => log.push(`name ${name} ${on} ${p.entryId}`),
    parked: (t, on) => {
      log.push(`wait ${(t.proc as Proc).entryId} ${on instanceof Channel ? (on === (t.proc as Proc).inbox ? 'inbox' : on === (t.proc as Proc).events ? 'events' : 'channel') : String(on)}`);
    },
  };
}

describe('observe: the tap', () => {
  it('reports spawn, names, deliveries, waits and exits in order; several observers see the same', async () => {
    const app = await makeApp({ 'app:parent': { source: PARENT }, 'app:child': { source: CHILD } });
    const a: string[] = [];
    const b: string[] = [];
    app.rt.node.observe(recorder(a));
    const off = app.rt.node.observe(recorder(b));
    app.rt.spawn('app:parent', 'app:processes', []);
    app.settle();
    expect(a).toEqual([
      'spawn app:parent parent=- host=app:processes link=false monitor=false',
      'name boss true app:parent',
      'spawn app:child parent=app:parent host=app:processes link=true monitor=true',
      'deliver ping -> app:child',
      'wait app:parent events',
      'wait app:child sleep',
      'exit app:child error',
      'deliver @events -> app:parent',
      'deliver @events -> app:parent',
      'exit app:parent error',
    ]);
    expect(b).toEqual(a);
    off();
    const before = a.length;
    app.rt.spawn('app:parent', 'app:processes', []);
    app.settle();
    expect(b.length).toBe(before);
    expect(a.length).toBeGreaterThan(before);
  });

  it('costs nothing when off: the node has no observer and the scheduler no task hook', async () => {
    const app = await makeApp({ 'app:child': { source: CHILD } });
    expect(app.rt.node.observer).toBeUndefined();
    const off = app.rt.node.observe({ delivered: () => {} });
    expect(app.rt.node.sched.onTask).toBeUndefined();
    expect(app.rt.node.sched.onParked).toBeUndefined();
    off();
    expect(app.rt.node.observer).toBeUndefined();
  });
});
