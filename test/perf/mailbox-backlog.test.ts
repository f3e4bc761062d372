// A mailbox backlog is delivered in time proportional to its size (issue #10): taking the oldest message used to
// splice it out of the front of an array, so 100k queued messages took 2 s, 400k 40 s and 1M never finished. The
// bounds here are generous for a loaded machine and still fail by far with the quadratic queue.
import { describe, expect, it } from 'vitest';
import { runBodies } from '../support/process-harness.js';

const N = Number(process.env.MF_BACKLOG_N ?? 400_000);

describe('mailbox backlog', () => {
  it(`${N} messages queued before the inbox exists are all received, in order, in linear time`, async () => {
    const t0 = Date.now();
    const { lines } = await runBodies(`
      local me = process.pid()
      local n = ${N}
      for i = 1, n do process.send(me, "n", i) end
      local inbox = process.inbox()
      local last, ordered = 0, true
      for i = 1, n do
        local v = inbox:receive():payload():data()
        if v ~= last + 1 then ordered = false end
        last = v
      end
      print(last, ordered)
    `);
    const ms = Date.now() - t0;
    if (process.env.MF_BACKLOG_N !== undefined) console.log(`backlog ${N}: ${ms} ms`);
    expect(lines).toEqual([`${N}\ttrue`]);
    expect(ms).toBeLessThan(8000);
  }, 60_000);

  it('two interleaved backlogs: one is read while the other waits unread, then the other arrives complete and in order', async () => {
    // Taking "a" messages leaves holes between the waiting "b" ones (the backlog compacts them); "b" then goes to a
    // listener made later, which must still get every message in send order.
    const t0 = Date.now();
    const { lines } = await runBodies(`
      local me = process.pid()
      local n = 100000
      for i = 1, n do process.send(me, "a", i) process.send(me, "b", i) end
      local a = process.listen("a")
      local ok = true
      for i = 1, n do if a:receive() ~= i then ok = false end end
      local b = process.listen("b")
      for i = 1, n / 2 do if b:receive() ~= i then ok = false end end
      process.send(me, "b", n + 1) -- behind the rest of the backlog
      for i = n / 2 + 1, n + 1 do if b:receive() ~= i then ok = false end end
      print(ok)
    `);
    expect(lines).toEqual(['true']);
    expect(Date.now() - t0).toBeLessThan(8000);
  }, 60_000);
});
