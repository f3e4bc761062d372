// The failure detector's rules (runtime/cluster/membership.ts) over a fake clock: joins, silence, restarts, goodbyes,
// a peer that was cut off and comes back (reset both ways, once), a stalled local timer.
import { describe, expect, it } from 'vitest';
import { Membership } from '../../runtime/cluster/membership.js';

function setup(downAfter = 1000) {
  let t = 0;
  const log: string[] = [];
  const m = new Membership(downAfter, () => t, {
    up: (p) => log.push(`up ${p}`),
    down: (p, r) => log.push(`down ${p}: ${r}`),
    reset: (p) => log.push(`reset ${p}`),
  });
  // the transport's timer sweeps every heartbeat (100 ms here); a jump straight to `ms` is a stalled timer
  const run = (ms: number): void => {
    while (t < ms) {
      t = Math.min(ms, t + 100);
      m.sweep();
    }
  };
  return { m, log, at: (ms: number) => (t = ms), run };
}

describe('cluster membership', () => {
  it('a peer is up from its first sign of life and down after downAfterMs of silence', () => {
    const { m, log, run } = setup();
    expect(m.heard('b', 'i1')).toBe('deliver');
    run(900);
    m.heard('b', 'i1');
    run(1900);
    expect(m.isUp('b')).toBe(true);
    run(2000);
    expect(m.isUp('b')).toBe(false);
    expect(log).toEqual(['up b', 'down b: no heartbeat for 1000 ms']);
  });

  it('a restart (new incarnation) is a down then an up; a goodbye is a down at once', () => {
    const { m, log } = setup();
    m.heard('b', 'i1');
    m.heard('b', 'i2');
    m.left('b', 'i1'); // the old incarnation's goodbye changes nothing
    expect(m.isUp('b')).toBe(true);
    m.left('b', 'i2');
    expect(m.upPeers()).toEqual([]);
    expect(log).toEqual(['up b', 'down b: restarted', 'up b', 'down b: left the cluster']);
  });

  it('a peer heard again after it was down rejoins: its batch is dropped and it is told to reset', () => {
    const { m, log, run } = setup();
    m.heard('b', 'i1');
    run(1500);
    expect(m.heard('b', 'i1')).toBe('drop');
    expect(m.heard('b', 'i1')).toBe('deliver');
    // its own reset (it had this node down too) changes nothing: this side is clean already
    m.resetBy('b', 'i1');
    expect(log).toEqual(['up b', 'down b: no heartbeat for 1000 ms', 'reset b', 'up b']);
  });

  it('a reset from a peer this node never had down drops what is held about it', () => {
    const { m, log, at } = setup();
    m.heard('b', 'i1');
    at(5000);
    m.heard('b', 'i1');
    m.resetBy('b', 'i1');
    expect(m.isUp('b')).toBe(true);
    expect(log).toEqual(['up b', 'down b: lost contact with this node', 'up b']);
  });

  it('a sweep that comes late (a stalled event loop) takes nobody down', () => {
    const { m, log, at, run } = setup();
    m.heard('b', 'i1');
    run(200);
    at(5000);
    m.sweep();
    expect(m.isUp('b')).toBe(true);
    at(5900);
    m.sweep();
    expect(m.isUp('b')).toBe(true);
    at(6100);
    m.sweep();
    expect(m.isUp('b')).toBe(false);
    expect(log).toHaveLength(2);
  });

  it('losing the connection takes every peer down at once', () => {
    const { m, log } = setup();
    m.heard('b', 'i1');
    m.heard('c', 'i1');
    m.allDown('lost the connection');
    expect(m.upPeers()).toEqual([]);
    expect(log.slice(2)).toEqual(['down b: lost the connection', 'down c: lost the connection']);
  });
});
