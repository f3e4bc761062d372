// The inspector's JSON API (docs/inspector.md) over an embedded runtime: the snapshot of a small app with links,
// monitors and names, one process's details, the event stream in order, the token,
// the 127.0.0.1 binding, and the control actions (off by default; permission-checked when on).
import { afterEach, describe, expect, it } from 'vitest';
import { networkInterfaces } from 'node:os';
import { request } from 'node:http';
import { VirtualTimeScheduler } from 'rxjs';
import { createRuntime, type EmbeddedRuntime } from '../../sdk/embed.js';
import type { InspectorServer } from '../../sdk/inspector/server.js';

const BOSS = `
local function main()
  process.registry.register("boss")
  local worker = process.spawn_linked("app:worker", "app:processes")
  process.spawn_monitored("app:worker", "app:processes")
  process.send(worker, "job", { n = 1, name = "first" })
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    if m:topic() == "crash" then process.spawn("app:crasher", "app:processes") end
  end
end
return { main = main }
`;
const WORKER = `
local function main()
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    if m:topic() == "ping" then process.send(m:from(), "pong", m:payload():data()) end
  end
end
return { main = main }
`;
const CRASHER = `
local function main()
  error("crashed on purpose")
end
return { main = main }
`;
const PINGER = `
local function main(peer, n)
  local inbox = process.inbox()
  for i = 1, n do
    process.send(peer, "ping", i)
    inbox:receive()
  end
  return n
end
return { main = main }
`;

let rt: EmbeddedRuntime | undefined;
afterEach(async () => {
  await rt?.shutdown(100);
  rt = undefined;
});

async function start(inspect: Parameters<typeof createRuntime>[0] extends infer O ? (O extends { inspect?: infer I } ? I : never) : never, check?: (action: string, resource: string) => boolean): Promise<InspectorServer> {
  rt = createRuntime({ write: () => {}, inspect, check: check === undefined ? undefined : (a, r) => check(a, r) });
  rt.addHost('app:processes');
  await rt.register('app:boss', { source: BOSS, modules: [] });
  await rt.register('app:worker', { source: WORKER });
  await rt.register('app:crasher', { source: CRASHER });
  await rt.register('app:pinger', { source: PINGER });
  return rt.inspector!;
}

const settle = (ms = 50): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function get(ins: InspectorServer, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`http://127.0.0.1:${ins.port}${path}`, { headers: { authorization: `Bearer ${ins.token}`, ...headers } });
  return { status: res.status, body: await res.json() };
}

async function post(ins: InspectorServer, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`http://127.0.0.1:${ins.port}${path}`, { method: 'POST', headers: { authorization: `Bearer ${ins.token}` } });
  return { status: res.status, body: await res.json() };
}

describe('inspector API', () => {
  it('snapshot: processes with parent, state, names, links and monitors; hosts', async () => {
    const ins = await start({ port: 0 });
    const boss = rt!.spawn('app:boss', 'app:processes');
    await settle();
    const { status, body } = await get(ins, '/api/snapshot');
    expect(status).toBe(200);
    expect(body.control).toBe(false);
    expect(body.virtualTime).toBe(false);
    const procs = body.processes as any[];
    const b = procs.find((p) => p.pid === boss);
    expect(b).toMatchObject({ entry: 'app:boss', host: 'app:processes', parent: null, state: 'waiting', waitingOn: 'inbox', names: ['boss'], mailbox: 0 });
    const workers = procs.filter((p) => p.entry === 'app:worker');
    expect(workers).toHaveLength(2);
    for (const w of workers) expect(w).toMatchObject({ parent: boss, state: 'waiting', waitingOn: 'inbox' });
    const linked = workers.find((w) => w.links.includes(boss));
    expect(b.links).toEqual([linked.pid]);
    const monitored = workers.find((w) => w !== linked);
    expect(b.monitors).toEqual([monitored.pid]);
    expect(body.hosts).toEqual([{ name: 'app:processes', runQueue: 0, processes: 3 }]);
    expect(body.messages.some((m: any) => m.from === boss && m.to === linked.pid && m.topic === 'job' && m.payload === '{n=1, name="first"}')).toBe(true);
    expect(typeof body.seq).toBe('number');
  });

  it('one process: its queued topics, context and last messages', async () => {
    const ins = await start({ port: 0 });
    const boss = rt!.spawn('app:boss', 'app:processes');
    await settle();
    const { body: snap } = await get(ins, '/api/snapshot');
    const worker = (snap.processes as any[]).find((p) => p.entry === 'app:worker' && p.links.includes(boss));
    const { status, body } = await get(ins, `/api/process/${encodeURIComponent(worker.pid)}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ pid: worker.pid, queued: [], context: {} });
    expect(body.messages.map((m: any) => m.topic)).toEqual(['job']);
  });

  it('the event stream: spawns, messages and exits in seq order, a ping-pong in order', async () => {
    const ins = await start({ port: 0 });
    const boss = rt!.spawn('app:boss', 'app:processes');
    await settle();
    const { body: snap } = await get(ins, '/api/snapshot');
    const worker = (snap.processes as any[]).find((p) => p.entry === 'app:worker' && p.links.includes(boss));
    const ac = new AbortController();
    const res = await fetch(`http://127.0.0.1:${ins.port}/api/events?token=${ins.token}`, { signal: ac.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const pinger = rt!.spawn('app:pinger', 'app:processes', worker.pid, 5);
    const events: any[] = [];
    let text = '';
    const deadline = Date.now() + 3000;
    while (!events.some((e) => e.type === 'exit' && e.exit.pid === pinger) && Date.now() < deadline) {
      const { value } = await reader.read();
      text += Buffer.from(value!).toString('utf8');
      const parts = text.split('\n\n');
      text = parts.pop()!;
      for (const p of parts) {
        const data = p.split('\n').find((l) => l.startsWith('data: '));
        if (data !== undefined) events.push(JSON.parse(data.slice(6)));
      }
    }
    ac.abort();
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(events.find((e) => e.type === 'spawn')?.process).toMatchObject({ pid: pinger, entry: 'app:pinger', parent: null });
    const flow = events.filter((e) => e.type === 'message').map((e) => `${e.message.from === pinger ? 'P' : 'W'}:${e.message.topic}:${e.message.payload}`);
    expect(flow).toEqual(['P:ping:1', 'W:pong:1', 'P:ping:2', 'W:pong:2', 'P:ping:3', 'W:pong:3', 'P:ping:4', 'W:pong:4', 'P:ping:5', 'W:pong:5']);
    expect(events.at(-1)?.type === 'exit' || events.some((e) => e.type === 'exit' && e.exit.reason === 'normal' && e.exit.value === '5')).toBe(true);
    const { body: seq } = await get(ins, `/api/messages?pids=${encodeURIComponent(pinger)},${encodeURIComponent(worker.pid)}&limit=4`);
    expect(seq.messages.map((m: any) => m.topic)).toEqual(['ping', 'pong', 'ping', 'pong']);
    expect(seq.messages.at(-1).payload).toBe('5');
  });

  it('refuses a request without the token, or with a wrong one; takes it as query, header or cookie', async () => {
    const ins = await start({ port: 0 });
    const base = `http://127.0.0.1:${ins.port}`;
    expect((await fetch(`${base}/api/snapshot`)).status).toBe(401);
    expect((await fetch(`${base}/api/snapshot?token=nope`)).status).toBe(401);
    expect((await fetch(`${base}/api/snapshot`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/api/snapshot?token=${ins.token}`)).status).toBe(200);
    expect((await fetch(`${base}/api/snapshot`, { headers: { cookie: `moonforge_inspector=${ins.token}` } })).status).toBe(200);
    const page = await fetch(`${base}/?token=${ins.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toContain(`moonforge_inspector=${ins.token}`);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('listens on 127.0.0.1 only by default', async () => {
    const ins = await start({ port: 0 });
    expect(ins.url).toBe(`http://127.0.0.1:${ins.port}/?token=${ins.token}`);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;
    if (outside === undefined) return; // a machine with loopback only has nothing else to try
    const refused = await new Promise<boolean>((resolve) => {
      const req = request({ host: outside, port: ins.port, path: '/api/snapshot' }, () => resolve(false));
      req.on('error', () => resolve(true));
      req.end();
    });
    expect(refused).toBe(true);
  });

  it('control actions are off by default', async () => {
    const ins = await start({ port: 0 });
    const boss = rt!.spawn('app:boss', 'app:processes');
    await settle();
    const r = await post(ins, `/api/process/${encodeURIComponent(boss)}/terminate`);
    expect(r.status).toBe(403);
    expect((await post(ins, '/api/time/pause')).status).toBe(403);
    const { body } = await get(ins, '/api/snapshot');
    expect((body.processes as any[]).some((p) => p.pid === boss)).toBe(true);
  });

  it('with control on, terminate and cancel go through the permission check first', async () => {
    const asked: string[] = [];
    const ins = await start({ port: 0, control: true }, (action, resource) => {
      if (action === 'process.terminate' || action === 'process.cancel') asked.push(`${action} ${resource}`);
      return !(action === 'process.terminate' && resource.endsWith('1}'));
    });
    const boss = rt!.spawn('app:boss', 'app:processes');
    await settle();
    expect(boss.endsWith('1}')).toBe(true);
    const denied = await post(ins, `/api/process/${encodeURIComponent(boss)}/terminate`);
    expect(denied).toEqual({ status: 403, body: { error: 'permission denied' } });
    expect((await get(ins, '/api/snapshot')).body.processes.some((p: any) => p.pid === boss)).toBe(true);
    const { body: snap } = await get(ins, '/api/snapshot');
    const worker = (snap.processes as any[]).find((p) => p.entry === 'app:worker' && !p.links.includes(boss));
    const ok = await post(ins, `/api/process/${encodeURIComponent(worker.pid)}/terminate`);
    expect(ok).toEqual({ status: 200, body: { ok: true } });
    await settle();
    const { body } = await get(ins, '/api/snapshot');
    expect((body.exits as any[]).find((x) => x.pid === worker.pid)).toMatchObject({ reason: 'terminated', error: 'process terminated' });
    const cancel = await post(ins, `/api/process/${encodeURIComponent(boss)}/cancel?reason=stop`);
    expect(cancel.status).toBe(200);
    expect(asked).toEqual([`process.terminate ${boss}`, `process.terminate ${worker.pid}`, `process.cancel ${boss}`]);
    expect((await post(ins, '/api/process/%7Bapp%3Aprocesses%7C0xfffff%7D/terminate')).status).toBe(404);
    expect((await post(ins, '/api/time/pause')).status).toBe(409);
  });

  it('service supervision news shows as restarts with their backoff', async () => {
    const ins = await start({ port: 0 });
    ins.supervision({ type: 'exit', service: 'app:svc', pid: '{app:processes|0x00001}', at: 10, error: 'boom', stopping: false });
    ins.supervision({ type: 'restart', service: 'app:svc', at: 10, delay: 250.4, attempt: 1 });
    const { body } = await get(ins, '/api/snapshot');
    expect(body.restarts).toEqual([
      { service: 'app:svc', at: 10, type: 'exit', pid: '{app:processes|0x00001}', error: 'boom' },
      { service: 'app:svc', at: 10, type: 'restart', attempt: 1, backoffMs: 250 },
    ]);
  });

  it('pauses and steps a virtual clock (control on)', async () => {
    const time = new VirtualTimeScheduler();
    rt = createRuntime({ write: () => {}, time, inspect: { port: 0, control: true } });
    rt.addHost('app:processes');
    await rt.register('app:sleeper', { source: 'return { main = function() time.sleep("1s") return "woke" end }', modules: ['time'] });
    const ins = await rt.inspector!;
    const pid = rt.spawn('app:sleeper', 'app:processes');
    await settle(20);
    expect((await post(ins, '/api/time/pause')).body).toEqual({ now: 0, paused: true });
    rt.runUntilIdle(); // the host's flushes run only what is due now
    const { body: snap } = await get(ins, '/api/snapshot');
    expect(snap).toMatchObject({ virtualTime: true, paused: true, now: 0 });
    expect((snap.processes as any[]).find((p) => p.pid === pid)).toMatchObject({ state: 'waiting', waitingOn: 'timer' });
    expect((await post(ins, '/api/time/step?ms=500')).body).toEqual({ now: 500, paused: true });
    expect((await get(ins, '/api/snapshot')).body.processes.some((p: any) => p.pid === pid)).toBe(true);
    expect((await post(ins, '/api/time/step')).body).toEqual({ now: 1000, paused: true });
    await settle(20);
    const { body: after } = await get(ins, '/api/snapshot');
    expect((after.exits as any[]).find((x) => x.pid === pid)).toMatchObject({ reason: 'normal', value: '"woke"' });
    expect((await post(ins, '/api/time/resume')).body).toEqual({ now: 1000, paused: false });
  });
});
