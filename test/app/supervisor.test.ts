// The service supervisor in virtual time: restart delays by lifecycle.restart (backoff, cap, jitter, max_attempts,
// reset after stable_threshold), no restart after a normal return, and node shutdown (CANCEL, stop timeout).
import { describe, expect, it } from 'vitest';
import { makeApp } from '../support/process-harness.js';
import { startOrder } from '../../sdk/boot-app.js';
import { restartDelayMs, ServiceSupervisor, shutdownNode, type SupervisorEvent } from '../../runtime/app/supervisor.js';
import type { Lifecycle, ProcessServiceEntry, RetryPolicy } from '../../runtime/app/model.js';

const S = 1e9;
const MS = 1e6;

function service(process: string, restart: Partial<RetryPolicy>, extra: Partial<Lifecycle> = {}): ProcessServiceEntry {
  const pos = { file: 'x.yaml', line: 1, column: 1 };
  return {
    id: 'app:svc', namespace: 'app', name: 'svc', kind: 'process.service', meta: {}, fields: {}, file: 'x.yaml', pos, positions: {},
    process, host: 'app:processes', input: [],
    lifecycle: {
      autoStart: true, startTimeout: 10 * S, stopTimeout: 10 * S, stableThreshold: 5 * S, startup: 'required', requires: [],
      restart: { initialDelay: 1 * S, maxDelay: 90 * S, backoffFactor: 2, jitter: 0, maxAttempts: 0, ...restart },
      security: undefined,
      ...extra,
    },
  };
}

async function supervise(source: string, spec: (id: string) => ProcessServiceEntry, random?: () => number) {
  const app = await makeApp({ 'app:worker': { source } });
  const events: SupervisorEvent[] = [];
  const sup = new ServiceSupervisor({ rt: app.rt, time: app.time, random, onEvent: (e) => events.push(e) });
  sup.start(spec('app:worker'));
  return { app, sup, events, starts: () => events.filter((e) => e.type === 'start').map((e) => e.at) };
}

const FAILS_AT_ONCE = 'return { main = function() error("boom") end }';

describe('service supervisor', () => {
  it('restarts a failing service with exponential backoff capped at max_delay, up to max_attempts', async () => {
    const s = await supervise(FAILS_AT_ONCE, (id) => service(id, { initialDelay: 1 * S, maxDelay: 5 * S, maxAttempts: 5 }));
    s.app.settle();
    // delays 1, 2, 4, 5 (capped), 5 seconds
    expect(s.starts()).toEqual([0, 1000, 3000, 7000, 12000, 17000]);
    const giveUp = s.events.find((e) => e.type === 'give-up');
    expect(giveUp).toMatchObject({ at: 17000, attempts: 5 });
    expect(s.events.filter((e) => e.type === 'exit').every((e) => e.type === 'exit' && /boom/.test(e.error ?? ''))).toBe(true);
  });

  it('uses backoff_factor and applies jitter as a fraction of the delay', async () => {
    const s = await supervise(FAILS_AT_ONCE, (id) => service(id, { initialDelay: 100 * MS, backoffFactor: 1.5, jitter: 0.2, maxAttempts: 3 }), () => 1);
    s.app.settle();
    // random() = 1 gives +jitter: 100·1.2, 150·1.2, 225·1.2
    expect(s.starts()).toEqual([0, 120, 120 + 180, 120 + 180 + 270]);
    const p: RetryPolicy = { initialDelay: 1 * S, maxDelay: 90 * S, backoffFactor: 2, jitter: 0.1, maxAttempts: 0 };
    expect(restartDelayMs(p, 3, () => 0)).toBeCloseTo(3600);
    expect(restartDelayMs(p, 3, () => 0.5)).toBe(4000);
  });

  it('a run longer than stable_threshold starts the backoff over', async () => {
    // fails after 10 s each run: with stable_threshold 5 s each failure is the first again (restarts go on forever,
    // so virtual time is bounded); with 20 s the delays grow
    const src = 'return { main = function() time.sleep("10s") error("late") end }';
    const s = await supervise(src, (id) => service(id, { initialDelay: 1 * S, maxAttempts: 3 }, { stableThreshold: 5 * S }));
    s.app.time.maxFrames = 40_000;
    s.app.settle(200);
    expect(s.starts().slice(0, 4)).toEqual([0, 11000, 22000, 33000]);
    const s2 = await supervise(src, (id) => service(id, { initialDelay: 1 * S, maxAttempts: 3 }, { stableThreshold: 20 * S }));
    s2.app.settle(200);
    expect(s2.starts()).toEqual([0, 11000, 23000, 37000]);
  });

  it('a normal return is not restarted', async () => {
    const s = await supervise('return { main = function() return "bye" end }', (id) => service(id, {}));
    s.app.settle();
    expect(s.starts()).toEqual([0]);
    expect(s.events.map((e) => e.type)).toEqual(['start', 'exit']);
  });

  it('stop() drops a pending restart', async () => {
    const s = await supervise(FAILS_AT_ONCE, (id) => service(id, {}));
    s.app.time.maxFrames = 500;
    s.app.time.flush(); // the first run fails, a restart is scheduled at 1000
    s.sup.stop();
    s.app.settle();
    expect(s.starts()).toEqual([0]);
  });
});

describe('node shutdown', () => {
  it('sends CANCEL "scheduler shutdown", waits the stop timeout, terminates what is left', async () => {
    const app = await makeApp({
      'app:polite': {
        source: `return { main = function()
          local ev = process.events():receive()
          print("polite got", ev.kind, ev.reason)
          time.sleep("100ms")
          return "clean"
        end }`,
      },
      'app:stubborn': { source: 'return { main = function() while true do time.sleep("1s") end end }' },
    });
    app.time.maxFrames = 0; // start both (frame 0 only: the stubborn one would sleep forever)
    const polite = app.rt.spawn('app:polite', 'app:processes');
    const stubborn = app.rt.spawn('app:stubborn', 'app:processes');
    const exits: Record<string, unknown> = {};
    polite.onExit.push((r) => (exits.polite = [app.time.now(), r.value, r.error]));
    stubborn.onExit.push((r) => (exits.stubborn = [app.time.now(), r.error !== undefined]));
    app.time.flush();
    let terminated: number | undefined;
    let doneAt = -1;
    app.time.maxFrames = 60_000;
    shutdownNode(app.rt, app.time, 2000, (n) => {
      terminated = n;
      doneAt = app.time.now();
    });
    app.settle(100);
    expect(app.output.join('')).toBe('polite got\tpid.cancel\tscheduler shutdown\n');
    expect(exits.polite).toEqual([100, 'clean', undefined]);
    expect(exits.stubborn).toEqual([2000, true]);
    expect(terminated).toBe(1);
    expect(doneAt).toBe(2000);
  });

  it('finishes at once when every process exits on CANCEL', async () => {
    const app = await makeApp({ 'app:p': { source: 'return { main = function() process.events():receive() end }' } });
    app.rt.spawn('app:p', 'app:processes');
    app.time.flush();
    let result: [number, number] | undefined;
    shutdownNode(app.rt, app.time, 10000, (n) => (result = [n, app.time.now()]));
    app.settle();
    expect(result).toEqual([0, 0]);
  });
});

describe('service start order', () => {
  it('a service listed in lifecycle.requires starts first; other entries in requires are ignored', () => {
    const mk = (id: string, requires: string[]): ProcessServiceEntry => {
      const s = service('app:worker', {}, { requires });
      return { ...s, id };
    };
    const order = startOrder([mk('app:web', ['app:cache', 'app:db']), mk('app:cache', ['app:store']), mk('app:store', []), mk('app:log', [])]);
    expect(order.map((s) => s.id)).toEqual(['app:store', 'app:cache', 'app:web', 'app:log']);
    const cyc = startOrder([mk('app:a', ['app:b']), mk('app:b', ['app:a'])]);
    expect(cyc.map((s) => s.id)).toEqual(['app:b', 'app:a']);
  });
});
