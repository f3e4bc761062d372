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
    expect(app.rt.node.deliveredTo).toBeUndefined();
  });

  it('calls the one observer with `delivered` itself, even beside others; several through the merged one', async () => {
    const app = await makeApp({ 'app:parent': { source: PARENT }, 'app:child': { source: CHILD } });
    const counter = { n: 0, delivered(): void { this.n++; } };
    const offA = app.rt.node.observe(counter);
    const offB = app.rt.node.observe({ named: () => {} });
    expect(app.rt.node.deliveredTo).toBe(counter);
    const other = { n: 0, delivered(): void { this.n++; } };
    const offC = app.rt.node.observe(other);
    expect(app.rt.node.deliveredTo).toBe(app.rt.node.observer);
    app.rt.spawn('app:parent', 'app:processes', []);
    app.settle();
    expect(counter.n).toBe(3); // ping, and the parent's two events (as the first test sees)
    expect(other.n).toBe(counter.n);
    offC();
    expect(app.rt.node.deliveredTo).toBe(counter);
    offA();
    offB();
    expect(app.rt.node.deliveredTo).toBeUndefined();
  });

  it('counts every delivery but calls a sampling observer only within the budget it sets, every time beside another', async () => {
    const app = await makeApp({ 'app:parent': { source: PARENT }, 'app:child': { source: CHILD } });
    const node = app.rt.node;
    const sampler = { samplesDeliveries: true, n: 0, delivered(): void { this.n++; } };
    const offS = node.observe(sampler);
    node.sampleDeliveries(1);
    const base = node.deliveries;
    app.rt.spawn('app:parent', 'app:processes', []);
    app.settle();
    expect(node.deliveries - base).toBe(3);
    expect(sampler.n).toBe(1);
    const other = { n: 0, delivered(): void { this.n++; } };
    const offO = node.observe(other);
    node.sampleDeliveries(0); // no effect: another observer wants every delivery
    app.rt.spawn('app:parent', 'app:processes', []);
    app.settle();
    expect(node.deliveries - base).toBe(6);
    expect([sampler.n, other.n]).toEqual([4, 3]);
    offO();
    offS();
    expect(node.deliveredTo).toBeUndefined();
  });

  it('keeps what each task parks on in the task only while an observer asks (keepsWaits), and forgets it after', async () => {
    const app = await makeApp({ 'app:child': { source: CHILD } });
    const off = app.rt.node.observe({ keepsWaits: true });
    expect(app.rt.node.sched.parksWatched).toBe(true);
    expect(app.rt.node.sched.onParked).toBeUndefined();
    app.rt.spawn('app:child', 'app:processes', []);
    app.settle();
    const child = [...app.rt.node.procs.values()].find((p) => p.entryId === 'app:child')!;
    expect(child.mainTask!.state).toBe('parked');
    expect(child.mainTask!.waitOn).toBe(child.inbox); // past its sleep
    off();
    expect(app.rt.node.sched.parksWatched).toBe(false);
    // nothing held once nobody asks; a later observer sees it as not known rather than a stale wait
    expect(child.mainTask!.waitOn).toBeUndefined();
  });
});
