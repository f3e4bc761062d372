// inbox, listen / unlisten and Message objects: exact-topic listeners before the inbox, raw values by default,
// messages kept until a subscription exists (Wippy spec §2.2, §2.4; tests/app/src/test/process/inbox_*.lua,
// listen_default.lua, multi_topic.lua, unlisten_test.lua, channel_identity.lua).
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';

describe('inbox and listen', () => {
  it('a listener takes its exact topic, other topics fall back to the inbox (inbox_fallback.lua, multi_topic.lua)', async () => {
    const { lines } = await runBodies(
      `
      local me = process.pid()
      local a = process.listen("a")
      local inbox = process.inbox()
      process.send(me, "b", "to inbox")
      process.send(me, "a", "to a")
      process.send(me, "a.sub", "no globs")
      print((a:receive()))
      local m = inbox:receive()
      print(m:topic(), m:payload():data(), m:from() == me)
      m = inbox:receive()
      print(m:topic(), m:payload():data())
      `,
    );
    expect(lines).toEqual(['to a', 'b\tto inbox\ttrue', 'a.sub\tno globs']);
  });

  it('listen gives raw values by default and Message objects with {message = true} (listen_default.lua)', async () => {
    const { lines } = await runBodies(
      `
      local me = process.pid()
      local raw = process.listen("raw")
      local msg = process.listen("msg", { message = true })
      process.send(me, "raw", { k = "v" })
      process.send(me, "msg", "hello")
      local r = raw:receive()
      print(type(r), r.k)
      local m = msg:receive()
      print(tostring(m), m:topic(), m:payload():data(), m:from() == me)
      `,
    );
    expect(lines).toEqual(['table\tv', 'process.Message{topic=msg}\tmsg\thello\ttrue']);
  });

  it('the same topic twice gives the same channel; inbox() and events() are stable (channel_identity.lua)', async () => {
    const { lines } = await runBodies(
      `
      print(process.listen("t") == process.listen("t"), process.inbox() == process.inbox(), process.events() == process.events())
      local ch, err = process.listen("@x")
      print(ch, err:kind())
      ch, err = process.listen("")
      print(ch, err:kind())
      `,
    );
    expect(lines).toEqual(['true\ttrue\ttrue', 'nil\tInvalid', 'nil\tInvalid']);
  });

  it('unlisten closes the channel and later messages go to the inbox; unknown channel is false, err (unlisten_test.lua)', async () => {
    const { lines } = await runBodies(
      `
      local me = process.pid()
      local ch = process.listen("t")
      local inbox = process.inbox()
      process.send(me, "t", 1)
      print((ch:receive()))
      print(process.unlisten(ch))
      local v, ok = ch:receive()
      print(v, ok)
      process.send(me, "t", 2)
      local m = inbox:receive()
      print(m:topic(), m:payload():data())
      local ok2, err = process.unlisten(ch)
      print(ok2, err ~= nil)
      `,
    );
    expect(lines).toEqual(['1', 'true', 'nil\tfalse', 't\t2', 'false\ttrue']);
  });

  it('messages sent before the child subscribes are kept, in order (inbox_send.lua)', async () => {
    const { lines } = await runBodies(
      `
      local c = process.spawn("app:late", "app:processes", process.pid())
      process.send(c, "x", 1)
      process.send(c, "topic", "L")
      process.send(c, "x", 2)
      process.send(c, "x", 3)
      local m = process.inbox():receive()
      print(m:payload():data())
      `,
      {
        'app:late': `
          local parent = ...
          time.sleep("50ms")
          local l = process.listen("topic")
          local inbox = process.inbox()
          local got = { (l:receive()) }
          for i = 1, 3 do got[#got + 1] = inbox:receive():payload():data() end
          process.send(parent, "done", table.concat(got, ","))`,
      },
    );
    expect(lines).toEqual(['L,1,2,3']);
  });

  it('a message with no receiver waiting is queued, never dropped, when the receiver is slow (spec §2.4 back-pressure)', async () => {
    const { lines } = await runBodies(
      `
      local c = process.spawn("app:slow", "app:processes", process.pid())
      for i = 1, 10 do process.send(c, "n", i) end
      print(process.inbox():receive():payload():data())
      `,
      {
        'app:slow': `
          local parent = ...
          local inbox = process.inbox()
          local sum = 0
          for i = 1, 10 do time.sleep("1ms") sum = sum + inbox:receive():payload():data() end
          process.send(parent, "sum", sum)`,
      },
    );
    expect(lines).toEqual(['55']);
  });

  it('a message from the host (no sender) has from() == ""', async () => {
    const { app } = await runBodies(`local m = process.inbox():receive() print(m:from() == "", m:topic(), m:payload():data())`);
    const proc = [...app.rt.node.procs.values()].find((p) => p.entryId === 'app:main');
    expect(proc).toBeDefined();
    app.rt.node.send(undefined, proc!, 'from-host', ['v']);
    app.settle();
    expect(app.output.join('')).toBe('true\tfrom-host\tv\n');
  });

  it('select sees messages queued for the inbox and events (channel_identity_select.lua, select_timeout.lua)', async () => {
    const { lines } = await runBodies(
      `
      local me = process.pid()
      process.send(me, "a", 1)
      local inbox = process.inbox()
      local r = channel.select({ inbox:case_receive(), default = true })
      print(r.default, r.channel == inbox, r.value:payload():data())
      process.send(me, "a", 2)
      r = channel.select({ inbox:case_receive(), time.after("10ms"):case_receive() })
      print(r.channel == inbox, r.value:payload():data())
      local ev = process.events()
      process.spawn_monitored("app:q", "app:processes")
      time.sleep("5ms")
      r = channel.select({ ev:case_receive(), default = true })
      print(r.default, r.channel == ev, r.value.kind)
      `,
      { 'app:q': 'return 1' },
    );
    expect(lines).toEqual(['nil\ttrue\t1', 'true\t2', 'nil\ttrue\tpid.exit']);
  });
});
