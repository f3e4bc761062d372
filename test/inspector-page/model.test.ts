// The page's model (sdk/inspector/page/model.ts): a snapshot with events applied, as the page renders it.
import { describe, expect, it } from 'vitest';
import { applyEvent, fromSnapshot, LIMITS, processLabel } from '../../sdk/inspector/page/model.js';
import { events, MAIN, PONG, snapshot, WORKER } from './fixture.js';

describe('inspector page model', () => {
  it('starts from the snapshot: processes by pid, its messages on the timeline', () => {
    const s = fromSnapshot(snapshot());
    expect([...s.processes.keys()]).toEqual([MAIN, PONG, WORKER]);
    expect(s.timeline.map((t) => t.kind === 'message' && t.topic)).toEqual(['ping', 'pong']);
    expect(s.nextSeq).toBe(3);
  });

  it('an exit removes the process, keeps it as ended with its error, and drops links and monitors to it', () => {
    let s = fromSnapshot(snapshot());
    const before = s;
    for (const e of events()) s = applyEvent(s, e);
    expect(before.processes.has(WORKER)).toBe(true); // the old state is left as it was
    expect(s.processes.has(WORKER)).toBe(false);
    expect(s.exited.get(WORKER)?.exit.error).toBe('worker.lua:3: boom');
    expect(s.processes.get(MAIN)?.monitors).toEqual([]);
    expect(s.exits.at(-1)).toMatchObject({ pid: WORKER, entry: 'app:worker', traceback: expect.stringContaining('worker.lua:3') });
    expect(s.timeline.map((t) => (t.kind === 'message' ? t.topic : t.kind))).toEqual(['ping', 'pong', 'ping', 'pong', 'job', 'exit', 'pid.exit']);
    expect(s.now).toBe(1005);
  });

  it('links are symmetric; monitors go one way; spawns join the tree and the timeline', () => {
    let s = fromSnapshot(snapshot());
    const child = '{app:processes|0x00004}';
    s = applyEvent(s, { type: 'spawn', at: 1010, process: { pid: child, entry: 'app:pong', host: 'app:processes', parent: PONG, state: 'ready', mailbox: 0 } });
    s = applyEvent(s, { type: 'link', at: 1011, from: child, to: MAIN });
    s = applyEvent(s, { type: 'monitor', at: 1012, from: child, to: PONG });
    expect(s.processes.get(child)).toMatchObject({ links: [MAIN], monitors: [PONG] });
    expect(s.processes.get(MAIN)?.links).toEqual([PONG, child]);
    expect(s.processes.get(PONG)?.monitors).toBeUndefined();
    s = applyEvent(s, { type: 'unlink', at: 1013, from: MAIN, to: child });
    expect(s.processes.get(child)?.links).toEqual([]);
    expect(s.timeline.at(-1)).toMatchObject({ kind: 'spawn', parent: PONG, pid: child, seq: 3 });
  });

  it('state, name, restart and host events update what they name; an unknown pid changes nothing', () => {
    let s = fromSnapshot(snapshot());
    s = applyEvent(s, { type: 'state', at: 1001, pid: PONG, state: 'running', mailbox: 5, rate: 120 });
    expect(s.processes.get(PONG)).toMatchObject({ state: 'running', waitingOn: null, mailbox: 5, rate: 120 });
    s = applyEvent(s, { type: 'name', at: 1002, pid: MAIN, names: ['boss'] });
    expect(processLabel(s.processes.get(MAIN), MAIN)).toBe('boss');
    expect(processLabel(s.processes.get(WORKER), WORKER)).toBe('worker 0x00003');
    s = applyEvent(s, { type: 'restart', at: 1003, restart: { service: 'app:svc', at: 1003, attempt: 2, backoffMs: 400, error: 'boom' } });
    s = applyEvent(s, { type: 'hosts', at: 1004, hosts: [{ name: 'app:processes', runQueue: 7 }] });
    expect(s.restarts).toHaveLength(1);
    expect(s.hosts[0]?.runQueue).toBe(7);
    const same = applyEvent(s, { type: 'state', at: 1005, pid: '{app:processes|0x0ffff}', state: 'running' });
    expect(same.processes).toBe(s.processes);
  });

  it('keeps a bounded history on a busy app', () => {
    let s = fromSnapshot(snapshot());
    for (let i = 0; i < LIMITS.timeline * 2; i++) {
      s = applyEvent(s, { type: 'message', at: 2000 + i, message: { seq: 10 + i, at: 2000 + i, from: MAIN, to: PONG, topic: 'ping' } });
    }
    expect(s.timeline).toHaveLength(LIMITS.timeline);
    expect(s.timeline.at(-1)?.seq).toBe(10 + LIMITS.timeline * 2 - 1);
  });
});
