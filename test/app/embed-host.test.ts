// The embedding API as a host author meets it (issue #11): exit() asked after the process ended, a virtual clock that
// holds back only timers, the event kinds as constants. The type declarations are in embed-types.test.ts and the
// README's examples in embed-readme.test.ts.
import { describe, expect, it } from 'vitest';
import { firstValueFrom, toArray } from 'rxjs';
import { createRuntime, EventKind, toJS, toLua, VirtualTimeScheduler } from '../../sdk/index.js';
import { RecentExits } from '../../sdk/recent-exits.js';
import '../support/app-in-process.js';

/** A promise's value, or 'still pending' once the host has had a few real turns (a virtual clock that holds work back). */
const settledSoon = <T>(p: Promise<T>, ms = 300): Promise<T | 'still pending'> =>
  Promise.race([p, new Promise<'still pending'>((r) => setTimeout(() => r('still pending'), ms))]);

const BUSY = 'return { main = function(n) local s = 0 for i = 1, n do s = s + i % 7 end return s end }';

describe('embedding API: exit() after the process ended', () => {
  it('resolves with the result of a process that already finished, or failed, instead of "process not found"', async () => {
    const time = new VirtualTimeScheduler();
    const rt = createRuntime({ time, write: () => {} });
    rt.addHost('app:host');
    await rt.register('app:quick', { source: 'return { main = function(x) return x * 2 end }' });
    await rt.register('app:fails', { source: 'return { main = function() error("no luck") end }' });
    const ok = rt.spawn('app:quick', 'app:host', 21);
    const bad = rt.spawn('app:fails', 'app:host');
    time.flush();
    // both have ended before the host asks: the race every host hits between spawn and exit()
    expect(await rt.exit(ok)).toMatchObject({ pid: ok, value: 42, error: undefined });
    const failed = await rt.exit(bad);
    expect(failed.pid).toBe(bad);
    expect(String((failed.error as Error).message)).toMatch(/no luck/);
    expect(await rt.exit('{nowhere@app:host|1}')).toEqual({ pid: '{nowhere@app:host|1}', value: undefined, error: 'process not found' });
  });

  it('keeps a bounded record: the oldest exits are forgotten first', () => {
    const exits = new RecentExits(2);
    for (const pid of ['a', 'b', 'c']) exits.record({ pid, value: pid, error: undefined });
    expect(exits.get('a')).toBeUndefined();
    expect(exits.get('b')?.value).toBe('b');
    expect(exits.get('c')?.value).toBe('c');
  });
});

describe('embedding API: a virtual clock', () => {
  it('runs ready processes without flush(); only a sleep waits for the clock', async () => {
    const time = new VirtualTimeScheduler();
    const out: string[] = [];
    const rt = createRuntime({ time, write: (s) => out.push(s) });
    rt.addHost('app:host');
    await rt.register('app:hello', { source: 'return { main = function(who) print("hello", who) return #who end }' });
    await rt.register('app:nap', { source: 'return { main = function() time.sleep("1h") return "rested" end }', modules: ['time'] });
    // never touches time: runs on the host's next turns, with no flush() anywhere
    expect(await settledSoon(rt.run('app:hello', 'app:host', 'moon'))).toMatchObject({ value: 4, error: undefined });
    expect(out.join('')).toBe('hello\tmoon\n');
    // sleeps: it runs up to the sleep by itself, then waits for the virtual clock
    const nap = rt.run('app:nap', 'app:host');
    expect(await settledSoon(nap)).toBe('still pending');
    expect(rt.idle).toBe(true);
    expect(time.now()).toBe(0);
    rt.runUntilIdle();
    expect(await nap).toMatchObject({ value: 'rested' });
    expect(time.now()).toBe(3_600_000);
  });

  it('a busy process, one that gives way at its time slice, runs to its end without the clock too', async () => {
    const time = new VirtualTimeScheduler();
    const rt = createRuntime({ time, write: () => {} });
    rt.addHost('app:host');
    await rt.register('app:busy', { source: BUSY });
    // millions of steps: many slices, each continued by the scheduler (a turn it asks 1 ms for under a virtual clock)
    expect(await settledSoon(rt.run('app:busy', 'app:host', 3_000_000), 15_000)).toMatchObject({ value: 8_999_997 });
    expect(time.now()).toBe(0);
  }, 20_000);

  it('runUntilIdle runs busy and sleeping processes together, as flush() did', async () => {
    const time = new VirtualTimeScheduler();
    const rt = createRuntime({ time, write: () => {} });
    rt.addHost('app:host');
    await rt.register('app:busy', { source: BUSY });
    await rt.register('app:nap', { source: 'return { main = function() time.sleep("5ms") return "rested" end }', modules: ['time'] });
    const busy = rt.run('app:busy', 'app:host', 3_000_000);
    const nap = rt.run('app:nap', 'app:host');
    rt.runUntilIdle();
    expect(await busy).toMatchObject({ value: 8_999_997 });
    expect(await nap).toMatchObject({ value: 'rested' });
    expect(time.now()).toBeGreaterThanOrEqual(5);
  }, 20_000);

  it('flush() still runs ready work at once, and work run on the host turn is not run again by flush()', async () => {
    const time = new VirtualTimeScheduler();
    const out: string[] = [];
    const rt = createRuntime({ time, write: (s) => out.push(s) });
    rt.addHost('app:host');
    await rt.register('app:once', { source: 'return { main = function() print("ran") end }' });
    rt.spawn('app:once', 'app:host');
    time.flush(); // synchronous, as before: tests that drive the clock by hand keep working
    expect(out).toEqual(['ran\n']);
    rt.spawn('app:once', 'app:host');
    await new Promise((r) => setTimeout(r, 50));
    expect(out).toEqual(['ran\n', 'ran\n']);
    expect(time.actions).toHaveLength(0); // taken out of the clock's queue when it ran on the host turn
    time.flush();
    expect(out).toEqual(['ran\n', 'ran\n']);
  });

  it('runUntilIdle refuses a clock that is not virtual', () => {
    const rt = createRuntime({ write: () => {} });
    expect(() => rt.runUntilIdle()).toThrow(/needs a virtual clock/);
  });
});

describe('embedding API: values', () => {
  it('toLua / toJS take one value and keep shared parts and cycles', () => {
    const shared = { n: 1 };
    const v: Record<string, unknown> = { a: shared, b: shared, list: ['x', null, 3] };
    v.self = v;
    const back = toJS(toLua(v)) as Record<string, unknown>;
    expect(back.a).toBe(back.b);
    expect(back.self).toBe(back);
    expect(back.list).toEqual({ 1: 'x', 3: 3 }); // nil in the middle: keys are no longer exactly 1..n
    expect(['a', 'b'].map(toLua)).toEqual(['a', 'b']); // usable as a map callback (the index is not a second argument)
  });
});

describe('embedding API: event kinds', () => {
  it('are exported constants, the values of Lua process.event', async () => {
    expect(EventKind).toEqual({ EXIT: 'pid.exit', LINK_DOWN: 'pid.link.down', CANCEL: 'pid.cancel' });
    const time = new VirtualTimeScheduler();
    const rt = createRuntime({ time, write: () => {} });
    rt.addHost('app:host');
    await rt.register('app:kinds', {
      source: `return { main = function()
        local e = process.event
        return e.EXIT .. " " .. e.LINK_DOWN .. " " .. e.CANCEL
      end }`,
    });
    await rt.register('app:waits', { source: 'return { main = function() return process.events():receive().kind end }' });
    expect((await rt.run('app:kinds', 'app:host')).value).toBe(`${EventKind.EXIT} ${EventKind.LINK_DOWN} ${EventKind.CANCEL}`);
    const pid = rt.spawn('app:waits', 'app:host');
    const kinds = firstValueFrom(rt.events$(pid).pipe(toArray()));
    rt.cancel(pid, 'bye');
    rt.runUntilIdle();
    expect((await kinds).map((e) => e.kind)).toEqual([EventKind.CANCEL, EventKind.EXIT]);
    expect((await rt.exit(pid)).value).toBe(EventKind.CANCEL);
  });
});
