// Channels in virtual time (Wippy spec §3.1): rendezvous and buffered send/receive, close, errors, identity.
// Behaviour follows wippyai/runtime tests/app/src/test/channel/{basic,buffered,close,errors}.lua, in our own words.
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';

/** Runs a main body; expects a normal exit and returns the printed lines. */
async function run(body: string): Promise<string[]> {
  const { exit, lines } = await runBodies(body);
  expect(exit?.error === undefined ? 'ok' : String((exit.error as { message?: unknown }).message ?? exit.error)).toBe('ok');
  return lines;
}

async function runFail(body: string): Promise<string> {
  const { exit } = await runBodies(body);
  expect(exit).toBeDefined();
  expect(exit!.error).toBeDefined();
  const e = exit!.error as { message?: unknown } | string;
  return typeof e === 'string' ? e : String(e.message ?? e);
}

describe('channel.new / send / receive', () => {
  it('an unbuffered channel is a rendezvous: the sender waits for a receiver', async () => {
    const lines = await run(`
      local ch = channel.new()
      local log = {}
      coroutine.spawn(function()
        table.insert(log, "send1")
        ch:send("a")
        table.insert(log, "sent1")
        ch:send("b")
        table.insert(log, "sent2")
      end)
      coroutine.yield()
      table.insert(log, "recv")
      local v, ok = ch:receive()
      print(v, ok)
      local v2, ok2 = ch:receive()
      print(v2, ok2)
      coroutine.yield()
      print(table.concat(log, ","))`);
    expect(lines).toEqual(['a\ttrue', 'b\ttrue', 'send1,recv,sent1,sent2']);
  });

  it('channel.new(0) is unbuffered and a send without receiver blocks until one comes', async () => {
    const lines = await run(`
      local ch = channel.new(0)
      local got = channel.new(1)
      coroutine.spawn(function() local v = ch:receive(); got:send(v) end)
      ch:send(42)
      print(got:receive())`);
    expect(lines).toEqual(['42\ttrue']);
  });

  it('a buffered channel takes n values without a receiver, FIFO', async () => {
    const lines = await run(`
      local ch = channel.new(3)
      print(ch:send(1), ch:send(2), ch:send(3))
      local r = channel.select{ ch:case_send(4), default = true }
      print(r.default, r.ok)
      for i = 1, 3 do print(ch:receive()) end`);
    expect(lines).toEqual(['true\ttrue\ttrue', 'true\ttrue', '1\ttrue', '2\ttrue', '3\ttrue']);
  });

  it('a sender blocked on a full buffer resumes when a slot frees, order kept', async () => {
    const lines = await run(`
      local ch = channel.new(2)
      local done = channel.new(1)
      coroutine.spawn(function()
        for i = 1, 5 do ch:send(i) end
        done:send("producer done")
      end)
      local got = {}
      for i = 1, 5 do got[#got + 1] = (ch:receive()) end
      print(table.concat(got, " "))
      print(done:receive())`);
    expect(lines).toEqual(['1 2 3 4 5', 'producer done\ttrue']);
  });

  it('nil, false and tables travel by reference within a process', async () => {
    const lines = await run(`
      local ch = channel.new(2)
      local t = {x = 1}
      ch:send(t)
      ch:send(false)
      local a = ch:receive()
      print(a == t, a.x, ch:receive())`);
    expect(lines).toEqual(['true\t1\tfalse\ttrue']);
  });

  it('nil is a value: receive gives nil, true (ready and after waiting)', async () => {
    const lines = await run(`
      local ch = channel.new(1)
      ch:send(nil)
      print(ch:receive())
      local r = channel.new()
      coroutine.spawn(function() r:send(nil) end)
      print(r:receive())`);
    expect(lines).toEqual(['nil\ttrue', 'nil\ttrue']);
  });

  it('receive through a Lua coroutine and through pcall', async () => {
    const lines = await run(`
      local ch = channel.new(2)
      ch:send("a") ch:send("b")
      local co = coroutine.wrap(function() return ch:receive() end)
      print(co())
      print(pcall(ch.receive, ch))`);
    expect(lines).toEqual(['a\ttrue', 'true\tb\ttrue']);
  });

  it('channel.new rejects a negative capacity', async () => {
    expect(await runFail('channel.new(-1)')).toMatch(/capacity/);
  });

  it('channels are userdata with a readable tostring', async () => {
    const lines = await run(`local ch = channel.new(2) print(type(ch), tostring(ch):match("^channel") ~= nil)`);
    expect(lines).toEqual(['userdata\ttrue']);
  });
});

describe('channel close', () => {
  it('receive on a closed empty channel gives nil, false, repeatedly', async () => {
    const lines = await run(`
      local ch = channel.new(0)
      ch:close()
      for i = 1, 3 do print(ch:receive()) end`);
    expect(lines).toEqual(['nil\tfalse', 'nil\tfalse', 'nil\tfalse']);
  });

  it('buffered values are still delivered after close, then nil, false', async () => {
    const lines = await run(`
      local ch = channel.new(3)
      ch:send(1) ch:send(2) ch:send(3)
      ch:close()
      while true do
        local v, ok = ch:receive()
        print(v, ok)
        if not ok then break end
      end`);
    expect(lines).toEqual(['1\ttrue', '2\ttrue', '3\ttrue', 'nil\tfalse']);
  });

  it('closing twice is a no-op', async () => {
    const lines = await run(`local ch = channel.new() ch:close() ch:close() print("ok")`);
    expect(lines).toEqual(['ok']);
  });

  it('send on a closed channel raises', async () => {
    const lines = await run(`
      local ch = channel.new(1)
      ch:close()
      local ok, err = pcall(ch.send, ch, 1)
      print(ok, tostring(err):find("closed") ~= nil)`);
    expect(lines).toEqual(['false\ttrue']);
  });

  it('close wakes a blocked receiver with nil, false', async () => {
    const lines = await run(`
      local ch = channel.new()
      local res = channel.new(1)
      coroutine.spawn(function()
        local v, ok = ch:receive()
        res:send({v = v, ok = ok})
      end)
      coroutine.yield()
      ch:close()
      local r = res:receive()
      print(r.v, r.ok)`);
    expect(lines).toEqual(['nil\tfalse']);
  });

  it('a sender blocked when the channel closes raises', async () => {
    const lines = await run(`
      local ch = channel.new()
      local res = channel.new(1)
      coroutine.spawn(function()
        local ok, err = pcall(function() return ch:send("x") end)
        res:send(tostring(ok) .. " " .. tostring(tostring(err):find("closed") ~= nil))
      end)
      coroutine.yield()
      ch:close()
      print(res:receive())`);
    expect(lines).toEqual(['false true\ttrue']);
  });

  it('an uncaught send on a closed channel fails the process', async () => {
    expect(await runFail('local ch = channel.new(1) ch:close() ch:send(1)')).toMatch(/closed/);
  });
});

describe('channel identity', () => {
  it('process.inbox() and process.events() return the same channel each time', async () => {
    const lines = await run(`
      print(process.inbox() == process.inbox(), process.events() == process.events(), process.inbox() == process.events())`);
    expect(lines).toEqual(['true\ttrue\tfalse']);
  });

  it('a select result names its channel: r.channel == inbox', async () => {
    const lines = await run(`
      local inbox = process.inbox()
      local other = channel.new()
      process.send(process.pid(), "hello", 7)
      local r = channel.select{ other:case_receive(), inbox:case_receive() }
      print(r.channel == inbox, r.channel == other, r.ok, r.value:topic(), r.value:payload():data())`);
    expect(lines).toEqual(['true\tfalse\ttrue\thello\t7']);
  });

  it('channels work as table keys', async () => {
    const lines = await run(`
      local a, b = channel.new(), channel.new()
      local names = {[a] = "a", [b] = "b"}
      print(names[a], names[b])`);
    expect(lines).toEqual(['a\tb']);
  });
});
