// The embedding API (sdk/embed.ts) in virtual time: register entries, spawn, send from JS, observe events and
// messages as Observables, JS mailboxes with a pid, feeding a process from an Observable, loading an app.
import { describe, expect, it } from 'vitest';
import { from, toArray, firstValueFrom, take } from 'rxjs';
import { join } from 'node:path';
import { createRuntime, VirtualTimeScheduler, type ProcessEvent, type ProcessMessage } from '../../sdk/index.js';
import '../support/app-in-process.js';

function setup() {
  const time = new VirtualTimeScheduler();
  const out: string[] = [];
  const rt = createRuntime({ time, write: (s) => out.push(s) });
  rt.addHost('app:host');
  const settle = (): void => {
    for (let i = 0; i < 200; i++) {
      time.flush();
      if (rt.idle && time.actions.length === 0) return;
    }
  };
  return { rt, time, out, settle };
}

const ECHO = `return { main = function()
  local inbox = process.inbox()
  while true do
    local msg = inbox:receive()
    local data = msg:payload():data()
    if data == "stop" then return "stopped" end
    process.send(msg:from(), "echo", { got = data, n = type(data) == "table" and #data or nil })
  end
end }`;

describe('embedding API', () => {
  it('spawns, sends from JS to a pid and a name, replies reach a JS mailbox, exit resolves', async () => {
    const { rt, settle } = setup();
    await rt.register('app:echo', { source: ECHO });
    const pid = rt.spawn('app:echo', 'app:host');
    const mb = rt.mailbox('host');
    const replies: ProcessMessage[] = [];
    mb.messages$('echo').subscribe((m) => replies.push(m));
    expect(mb.send(pid, 'ping', 'héllo')).toBe(true);
    expect(mb.send(pid, 'ping', [1, 2, 3])).toBe(true);
    settle();
    expect(replies.map((r) => [r.topic, r.from, r.data])).toEqual([
      ['echo', pid, { got: 'héllo' }],
      ['echo', pid, { got: [1, 2, 3], n: 3 }],
    ]);
    const exit = rt.exit(pid);
    expect(rt.send(pid, 'ping', 'stop')).toBe(true);
    settle();
    expect(await exit).toMatchObject({ pid, value: 'stopped', error: undefined });
    expect(rt.send(pid, 'ping', 1)).toBe(false);
    // Lua reaches the mailbox by its registered name
    await rt.register('app:greeter', { source: 'return { main = function() return process.send("host", "hi", 42) end }' });
    const hi = firstValueFrom(mb.messages$('hi'));
    const g = rt.run('app:greeter', 'app:host');
    settle();
    expect(await hi).toMatchObject({ topic: 'hi', data: 42 });
    expect((await g).value).toBe(true);
  });

  it('messages$ observes what a process receives; events$ its events then its own exit', async () => {
    const { rt, settle } = setup();
    await rt.register('app:child', { source: 'return { main = function() error("child fails") end }' });
    await rt.register('app:parent', {
      source: `return { main = function()
        process.spawn_monitored("app:child", "app:host")
        local ev = process.events():receive()
        process.inbox():receive()
        return nil, "parent gives up"
      end }`,
    });
    const pid = rt.spawn('app:parent', 'app:host');
    const events: ProcessEvent[] = [];
    const msgs: ProcessMessage[] = [];
    let completed = false;
    rt.events$(pid).subscribe({ next: (e) => events.push(e), complete: () => (completed = true) });
    rt.messages$(pid).subscribe((m) => msgs.push(m));
    settle();
    rt.send(pid, 'go', { a: 1 });
    settle();
    expect(events.map((e) => e.kind)).toEqual(['pid.exit', 'pid.exit']);
    expect(String((events[0]!.result!.error as Error).message)).toMatch(/child fails/);
    expect(events[1]!.from).toBe(pid);
    expect((events[1]!.result!.error as Error).message).toBe('parent gives up');
    expect(completed).toBe(true);
    expect(msgs).toEqual([{ topic: 'go', from: '', payloads: [{ a: 1 }], data: { a: 1 } }]);
  });

  it('feeds an Observable into a process topic, read through process.listen', async () => {
    const { rt, out, settle } = setup();
    await rt.register('app:sum', {
      source: `return { main = function()
        local ch = process.listen("numbers")
        local sum = 0
        for i = 1, 4 do sum = sum + ch:receive() end
        print("sum", sum)
        return sum
      end }`,
    });
    const pid = rt.spawn('app:sum', 'app:host');
    const exit = rt.exit(pid);
    settle();
    rt.feed(pid, 'numbers', from([1, 2, 3, 4, 5]));
    settle();
    expect(out.join('')).toBe('sum\t10\n');
    expect((await exit).value).toBe(10);
  });

  it('a mailbox monitors a process; cancel and shutdown', async () => {
    const { rt, time, settle } = setup();
    await rt.registerLibrary('app:lib', { source: 'return { reason = function(ev) return ev.reason end }', modules: ['time'] });
    await rt.register('app:svc', {
      source: `return { main = function()
        local ev = process.events():receive()
        time.sleep("50ms")
        return lib.reason(ev)
      end }`,
      imports: { lib: 'app:lib' },
    });
    const pid = rt.spawn('app:svc', 'app:host');
    const mb = rt.mailbox();
    expect(mb.monitor(pid)).toBe(true);
    const exitEvent = firstValueFrom(mb.events$().pipe(take(1)));
    settle();
    rt.cancel(pid, 'please stop');
    settle();
    const ev = await exitEvent;
    expect(ev).toMatchObject({ kind: 'pid.exit', from: pid, result: { value: 'please stop' } });
    expect(time.now()).toBe(50);
    // shutdown with nothing but the mailbox left: it is cancelled (ignored) and terminated after the timeout
    const stuck = rt.spawn('app:svc', 'app:host');
    settle();
    const done = rt.shutdown(1000);
    settle();
    expect(await done).toBe(1); // the mailbox ignores CANCEL; the process returns on it
    expect(rt.send(stuck, 'ping')).toBe(false); // gone: no process by that pid
  });

  it('loads an app folder and runs an entry', async () => {
    const { rt, out, settle } = setup();
    await rt.loadApp(join(import.meta.dirname, '../../examples/kv-server'));
    const run = rt.run('app:client', 'app:processes');
    settle();
    expect((await run).value).toBe('ok');
    expect(out.join('')).toContain('get apple -> 10');
  });

  it('messages$ completes at exit and errors for an unknown pid', async () => {
    const { rt, settle } = setup();
    await rt.register('app:quick', { source: 'return function() return 1 end', method: null });
    const pid = rt.spawn('app:quick', 'app:host');
    const all = firstValueFrom(rt.messages$(pid).pipe(toArray()));
    settle();
    expect(await all).toEqual([]);
    await expect(firstValueFrom(rt.messages$(pid))).rejects.toThrow(/process not found/);
  });
});
