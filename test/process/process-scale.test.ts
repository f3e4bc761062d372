// Larger topologies: a long chain of links cascading, many monitors (spec §2.5; chain_topo.lua at scale).
import { describe, expect, it } from 'vitest';
import { runBodies } from './support.js';

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
});
