// Larger topologies: a long chain of links cascading, many monitors (spec §2.5; chain_topo.lua at scale).
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';

describe('scale', () => {
  it('a failure cascades down a chain of 3000 linked processes without exhausting the JS stack', async () => {
    const { lines } = await runBodies(
      `
      process.set_options({ trap_links = true })
      local ev = process.events()
      process.spawn_linked("app:link", "app:processes", 3000)
      local e = ev:receive()
      print(e.kind, e.result.error:message())
      `,
      {
        'app:link': `
          local n = ...
          if n == 0 then time.sleep("10ms") error("bottom") end
          process.spawn_linked("app:link", "app:processes", n - 1)
          process.inbox():receive()`,
      },
    );
    expect(lines).toEqual(['pid.link.down\tlinked process failed']);
  });

  it('20000 messages queued before the receiver subscribes, while other topics wait unsubscribed, all arrive in order quickly', async () => {
    const t0 = Date.now();
    const { lines } = await runBodies(
      `
      local c = process.spawn("app:sink", "app:processes", process.pid())
      for i = 1, 20000 do
        process.send(c, "n", i)
        if i % 1000 == 0 then process.send(c, "other", i) end
      end
      print(process.inbox():receive():payload():data())
      `,
      {
        'app:sink': `
          local parent = ...
          time.sleep("10ms")
          local l = process.listen("n")
          local sum, last, ordered = 0, 0, true
          for i = 1, 20000 do
            local v = l:receive()
            if v ~= last + 1 then ordered = false end
            last = v
            sum = sum + v
          end
          process.send(parent, "sum", tostring(sum) .. " " .. tostring(ordered))`,
      },
    );
    expect(lines).toEqual(['200010000 true']);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
