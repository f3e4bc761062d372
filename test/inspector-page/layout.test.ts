// The tree's placement through dagre and the sequence view's rows (sdk/inspector/page/tree-layout.ts,
// sequence-layout.ts), checked as geometry: who is above whom, which edges exist, which rows in which order.
import { describe, expect, it } from 'vitest';
import { applyEvent, fromSnapshot } from '../../sdk/inspector/page/model.js';
import { busiestPids, layoutSequence } from '../../sdk/inspector/page/sequence-layout.js';
import { layoutTree, NODE_H } from '../../sdk/inspector/page/tree-layout.js';
import { events, MAIN, PONG, snapshot, WORKER } from './fixture.js';

describe('process tree layout', () => {
  it('places children a rank below their parent and draws each link once, monitors from the watcher', () => {
    const s = fromSnapshot(snapshot());
    const t = layoutTree(s.processes.values());
    const y = new Map(t.nodes.map((n) => [n.pid, n.y]));
    expect(y.get(PONG)! - y.get(MAIN)!).toBeGreaterThanOrEqual(NODE_H);
    expect(y.get(PONG)).toBe(y.get(WORKER));
    const edges = t.edges.map((e) => `${e.kind} ${e.from} ${e.to}`).sort();
    expect(edges).toEqual([`link ${MAIN} ${PONG}`, `monitor ${MAIN} ${WORKER}`, `parent ${MAIN} ${PONG}`, `parent ${MAIN} ${WORKER}`].sort());
    for (const n of t.nodes) {
      expect(n.x).toBeGreaterThan(0);
      expect(n.x).toBeLessThan(t.width);
    }
  });

  it('keeps an ended process in the tree, marked, and a child of an unknown parent as a root', () => {
    let s = fromSnapshot(snapshot());
    for (const e of events()) s = applyEvent(s, e);
    const t = layoutTree(s.processes.values(), s.exited.values());
    expect(t.nodes.find((n) => n.pid === WORKER)?.exited).toBe(true);
    const orphan = layoutTree([{ pid: 'x', entry: 'app:x', host: 'h', parent: 'gone', state: 'ready', mailbox: 0 }]);
    expect(orphan.edges).toEqual([]);
  });
});

describe('sequence layout', () => {
  it('draws a ping-pong between the chosen lifelines in order, with the exit it led to', () => {
    let s = fromSnapshot(snapshot());
    for (const e of events()) s = applyEvent(s, e);
    expect(busiestPids(s.timeline, 100, 2)).toEqual([MAIN, PONG]);
    const seq = layoutSequence(s.timeline, [MAIN, PONG], 10);
    expect(seq.rows.map((r) => (r.item.kind === 'message' ? r.item.topic : r.item.kind))).toEqual(['ping', 'pong', 'ping', 'pong']);
    const [main, pong] = seq.lifelines.map((l) => l.x);
    expect(seq.rows[0]).toMatchObject({ x1: main, x2: pong });
    expect(seq.rows[1]).toMatchObject({ x1: pong, x2: main });
    expect(seq.rows.map((r) => r.y)).toEqual([...seq.rows.map((r) => r.y)].sort((a, b) => a - b));
    const withWorker = layoutSequence(s.timeline, [MAIN, WORKER], 10);
    expect(withWorker.rows.map((r) => (r.item.kind === 'message' ? r.item.topic : r.item.kind))).toEqual(['job', 'exit']);
    expect(withWorker.rows[1]).toMatchObject({ x1: withWorker.lifelines[1]!.x, x2: withWorker.lifelines[1]!.x });
  });

  it('draws a cancel from the host as a dot on its target, from a chosen sender as an arrow', () => {
    let s = fromSnapshot(snapshot());
    s = applyEvent(s, { type: 'cancel', seq: 3, at: 1001, from: null, to: PONG, reason: 'stop' });
    s = applyEvent(s, { type: 'terminate', seq: 4, at: 1002, from: MAIN, to: PONG });
    const seq = layoutSequence(s.timeline, [MAIN, PONG], 10);
    const [main, pong] = seq.lifelines.map((l) => l.x);
    expect(seq.rows.slice(-2)).toMatchObject([{ x1: pong, x2: pong }, { x1: main, x2: pong }]);
  });

  it('shows only the last rows asked for', () => {
    let s = fromSnapshot(snapshot());
    for (const e of events()) s = applyEvent(s, e);
    const seq = layoutSequence(s.timeline, [MAIN, PONG], 3);
    expect(seq.rows.map((r) => r.item.seq)).toEqual([2, 3, 4]);
    expect(seq.rows[0]!.dt).toBe(0);
  });
});
