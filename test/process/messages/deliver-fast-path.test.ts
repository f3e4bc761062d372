// process.send's direct hand-over to a waiting inbox receiver (Proc.deliverMessage) is taken only when nothing is
// queued and no listener exists; these cases must still follow spec §2.4 delivery: per-sender FIFO behind a backlog,
// exact-topic listeners first, fall-through to the inbox after unlisten, and the shared done result of a wait.
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';

describe('deliverMessage fast path keeps delivery order and routing', () => {
  it('messages sent before the inbox exists come first, in order, then the ones sent after', async () => {
    const { lines } = await runBodies(
      `
      local me = process.pid()
      process.spawn("app:sender", "app:processes", me, 1, 3)
      time.sleep("5ms") -- 1..3 wait in the backlog: no inbox yet
      local inbox = process.inbox()
      process.spawn("app:sender", "app:processes", me, 4, 6)
      local got = {}
      for i = 1, 6 do got[#got + 1] = inbox:receive():payload():data() end
      print(table.concat(got, ","))
      `,
      { 'app:sender': 'local to, a, b = ...\nfor i = a, b do process.send(to, "n", i) end' },
    );
    expect(lines).toEqual(['1,2,3,4,5,6']);
  });

  it('a listener takes its topic, the inbox the rest; after unlisten the topic falls through to the inbox', async () => {
    const { lines } = await runBodies(`
      local me = process.pid()
      local inbox = process.inbox()
      local ch = process.listen("special")
      coroutine.spawn(function()
        process.send(me, "special", "L1")
        process.send(me, "plain", "I1")
      end)
      print(ch:receive(), inbox:receive():payload():data())
      process.unlisten(ch)
      process.send(me, "special", "I2")
      local m = inbox:receive()
      print(m:topic(), m:payload():data())
    `);
    expect(lines).toEqual(['L1\tI1', 'special\tI2']);
  });

  it('two tasks of one process waiting in turn each get their own value (the shared done result is read at once)', async () => {
    const { lines } = await runBodies(`
      local me = process.pid()
      local inbox = process.inbox()
      local c = channel.new()
      local out = {}
      coroutine.spawn(function()
        for i = 1, 3 do out[#out + 1] = "co:" .. inbox:receive():payload():data() end
        c:send(true)
      end)
      coroutine.spawn(function() for i = 1, 6 do process.send(me, "n", i) end end)
      c:receive()
      for i = 4, 6 do out[#out + 1] = "main:" .. inbox:receive():payload():data() end
      print(table.concat(out, ","))
    `);
    expect(lines).toEqual(['co:1,co:2,co:3,main:4,main:5,main:6']);
  });
});
