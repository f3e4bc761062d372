// A receive parks at once when its channel has nothing (Channel.mustWait: no buffered value, no waiting sender,
// nothing queued for it in the mailbox, still open); every other state must still go through tryRecv.
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';

describe('receive: park at once only when nothing can be received', () => {
  it('buffered values, a waiting sender, a closed channel and a closed empty channel', async () => {
    const { lines } = await runBodies(`
      local b = channel.new(2)
      b:send(1) b:send(2)
      print(b:receive(), b:receive())
      local u = channel.new()
      coroutine.spawn(function() u:send("from sender") end)
      time.sleep("1ms") -- the sender now waits on u
      print(u:receive())
      b:send(3)
      b:close()
      print(b:receive())
      print(b:receive())
    `);
    expect(lines).toEqual(['1\t2\ttrue', 'from sender\ttrue', '3\ttrue', 'nil\tfalse']);
  });

  it('an inbox with a backlog for another channel only waits; a backlog for the inbox is received at once', async () => {
    const { lines } = await runBodies(`
      local me = process.pid()
      process.send(me, "early", "queued before the inbox") -- no subscription yet: waits in the backlog
      local inbox = process.inbox()
      print(inbox:receive():payload():data())
      local special = process.listen("special", {message = true})
      process.unlisten(special)
      local l = process.listen("other")
      coroutine.spawn(function()
        process.send(me, "other", "o1") -- for the listener, which nobody reads yet: stays queued
        time.sleep("1ms")
        process.send(me, "plain", "p1")
      end)
      local m = inbox:receive()
      print(m:topic(), m:payload():data(), l:receive())
    `);
    expect(lines).toEqual(['queued before the inbox', 'plain\tp1\to1\ttrue']);
  });
});
