// The page's model (sdk/inspector/page/model.ts): a snapshot with events applied, as the page renders it.
import { describe, expect, it } from 'vitest';
import { applyEvent, applyEvents, fromSnapshot, LIMITS, processLabel, withHistory } from '../../sdk/inspector/page/model.js';
import { events, MAIN, PONG, snapshot, WORKER } from './fixture.js';

describe('inspector page model', () => {
  it('starts from the snapshot: processes by pid, its messages on the timeline, its recent exits as ended boxes', () => {
    const s = fromSnapshot({
      ...snapshot(),
      exits: [{ pid: '{app:processes|0x00009}', entry: 'app:old', parent: MAIN, at: 500, reason: 'error', error: 'boom' }],
    });
    expect([...s.processes.keys()]).toEqual([MAIN, PONG, WORKER]);
    expect(s.timeline.map((t) => t.kind === 'message' && t.topic)).toEqual(['ping', 'pong']);
    expect(s.seq).toBe(2);
    expect(s.exited.get('{app:processes|0x00009}')).toMatchObject({ entry: 'app:old', parent: MAIN, state: 'exited' });
  });

  it('ignores events the snapshot already holds', () => {
    const s = fromSnapshot(snapshot());
    const again = applyEvent(s, { type: 'message', seq: 2, at: 901, message: snapshot().messages![1]! });
    expect(again).toBe(s);
  });

  it('an exit removes the process, keeps it as ended with its error, and drops links and monitors to it', () => {
    let s = fromSnapshot(snapshot());
    const before = s;
    for (const e of events()) s = applyEvent(s, e);
    expect(before.processes.has(WORKER)).toBe(true); // the old state is left as it was
    expect(s.processes.has(WORKER)).toBe(false);
    expect(s.exited.get(WORKER)).toMatchObject({ entry: 'app:worker', host: 'app:processes', exit: { error: 'worker.lua:3: boom' } });
    expect(s.processes.get(MAIN)?.monitors).toEqual([]);
    expect(s.exits.at(-1)).toMatchObject({ pid: WORKER, entry: 'app:worker', traceback: expect.stringContaining('worker.lua:3') });
    // an event message shows as its kind
    expect(s.timeline.map((t) => (t.kind === 'message' ? t.topic : t.kind))).toEqual(['ping', 'pong', 'ping', 'pong', 'job', 'exit', 'pid.exit']);
    expect(s.now).toBe(1004);
    expect(s.seq).toBe(7);
  });

  it('links are symmetric; monitors go one way; spawns join the tree and the timeline', () => {
    let s = fromSnapshot(snapshot());
    const child = '{app:processes|0x00004}';
    s = applyEvent(s, { type: 'spawn', seq: 10, at: 1010, process: { pid: child, entry: 'app:pong', host: 'app:processes', parent: PONG, state: 'ready', mailbox: 0 } });
    s = applyEvent(s, { type: 'link', seq: 11, at: 1011, from: child, to: MAIN });
    s = applyEvent(s, { type: 'monitor', seq: 12, at: 1012, from: child, to: PONG });
    expect(s.processes.get(child)).toMatchObject({ links: [MAIN], monitors: [PONG] });
    expect(s.processes.get(MAIN)?.links).toEqual([PONG, child]);
    expect(s.processes.get(PONG)?.monitors).toBeUndefined();
    s = applyEvent(s, { type: 'unlink', seq: 13, at: 1013, from: MAIN, to: child });
    expect(s.processes.get(child)?.links).toEqual([]);
    expect(s.timeline.at(-1)).toMatchObject({ kind: 'spawn', parent: PONG, pid: child, seq: 10 });
    s = applyEvent(s, { type: 'cancel', seq: 14, at: 1014, from: null, to: child, reason: 'shutdown' });
    expect(s.timeline.at(-1)).toMatchObject({ kind: 'signal', signal: 'cancel', to: child, reason: 'shutdown' });
  });

  it('state, name, restart, host, skipped and time events update what they name; an unknown pid changes nothing', () => {
    let s = fromSnapshot(snapshot());
    s = applyEvent(s, { type: 'state', seq: 3, at: 1001, pid: PONG, state: 'running', mailbox: 5, rate: 120 });
    expect(s.processes.get(PONG)).toMatchObject({ state: 'running', waitingOn: null, mailbox: 5, rate: 120 });
    s = applyEvent(s, { type: 'name', seq: 4, at: 1002, pid: MAIN, names: ['boss'] });
    expect(processLabel(s.processes.get(MAIN), MAIN)).toBe('boss');
    expect(processLabel(s.processes.get(WORKER), WORKER)).toBe('worker 0x00003');
    s = applyEvent(s, { type: 'restart', seq: 5, at: 1003, restart: { service: 'app:svc', type: 'restart', at: 1003, attempt: 2, backoffMs: 400 } });
    s = applyEvent(s, { type: 'hosts', seq: 6, at: 1004, hosts: [{ name: 'app:processes', runQueue: 7 }] });
    s = applyEvent(s, { type: 'skipped', seq: 7, at: 1004, count: 30 });
    s = applyEvent(s, { type: 'time', seq: 8, at: 1004, now: 5000, paused: true });
    expect(s.restarts).toHaveLength(1);
    expect(s.hosts[0]?.runQueue).toBe(7);
    expect(s).toMatchObject({ skipped: 30, now: 5000, paused: true });
    const same = applyEvent(s, { type: 'state', seq: 9, at: 1005, pid: '{app:processes|0x0ffff}', state: 'running' });
    expect(same.processes).toBe(s.processes);
  });

  it('keeps a bounded history on a busy app, and puts older messages fetched later in their place', () => {
    let s = fromSnapshot(snapshot());
    for (let i = 0; i < LIMITS.timeline * 2; i++) {
      s = applyEvent(s, { type: 'message', seq: 10 + i, at: 2000 + i, message: { seq: 10 + i, at: 2000 + i, from: MAIN, to: PONG, topic: 'ping' } });
    }
    expect(s.timeline).toHaveLength(LIMITS.timeline);
    expect(s.timeline.at(-1)?.seq).toBe(10 + LIMITS.timeline * 2 - 1);
    const merged = withHistory(s.timeline.slice(-2), [{ seq: 5, at: 1, from: MAIN, to: PONG, topic: 'old' }, ...snapshot().messages!]);
    expect(merged.map((t) => t.seq)).toEqual([1, 2, 5, s.timeline.at(-2)!.seq, s.timeline.at(-1)!.seq]);
  });

  it('a batch of events leaves the state applyEvent one by one would, made once, and the same state when it holds nothing new', () => {
    const start = fromSnapshot(snapshot());
    // the fixture's events with a busy stretch of messages before and after them, and a repeat the state already has
    const busy = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ type: 'message' as const, seq: from + i, at: 3000 + from + i, message: { seq: from + i, at: 3000 + from + i, from: MAIN, to: PONG, topic: 'ping' } }));
    const batch = [
      ...events(),
      events()[1]!,
      ...busy(8, LIMITS.timeline),
      { type: 'state' as const, seq: 8 + LIMITS.timeline, at: 9000, pid: MAIN, state: 'running', mailbox: 2 },
      ...busy(9 + LIMITS.timeline, 5),
    ];
    let one = start;
    for (const e of batch) one = applyEvent(one, e);
    const all = applyEvents(start, batch);
    expect(all).toEqual(one);
    expect(all.timeline).toHaveLength(LIMITS.timeline);
    expect(start.timeline).toHaveLength(2); // the old state is left as it was
    expect(applyEvents(all, batch.slice(-3))).toBe(all);
  });
});
