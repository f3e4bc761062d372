// A process's globals table reads the base library through its JS prototype (process-globals.ts, globalsClass) for
// speed; these tests pin the Lua view: no JS built-in reachable, pairs/next see own keys only, assignment shadows,
// nil brings the base value back, rawget finds library globals, processes never share each other's globals.
import { describe, expect, it } from 'vitest';
import { runBodies } from '../support/process-harness.js';

describe('process globals (base on the prototype)', () => {
  it('JS prototype names stay nil; the library is reachable as before', async () => {
    const { lines } = await runBodies(`
      print(rawget(_G, "__proto__"), rawget(_G, "constructor"), rawget(_G, "toString"), _G.hasOwnProperty)
      print(__proto__, constructor, valueOf, type(process), type(process.send), type(print), _G._G == _G)
      print(getmetatable(_G) ~= nil, type(getmetatable(_G).__index.print))
      print(rawget(_G, "print") == print, rawget(_G, "process") == process, rawget(_G, "nosuch"))
    `);
    expect(lines).toEqual([
      'nil\tnil\tnil\tnil',
      'nil\tnil\tnil\ttable\tfunction\tfunction\ttrue',
      'true\tfunction',
      'true\ttrue\tnil',
    ]);
  });

  it('pairs and next see the own keys only; assignment shadows, nil restores the base value', async () => {
    const { lines } = await runBodies(`
      local keys = {}
      for k in pairs(_G) do keys[#keys + 1] = k end
      table.sort(keys)
      print(table.concat(keys, ","))
      mine = 1
      local n = 0
      for k in pairs(_G) do n = n + 1 end
      print(n, next(_G) ~= nil)
      local realprint = print
      print = function(...) realprint("wrapped", ...) end
      print("x")
      local seen = false
      for k, v in pairs(_G) do if k == "print" then seen = true end end
      realprint(seen, rawget(_G, "print") ~= realprint)
      print = nil
      realprint(print == realprint)
      rawset(_G, "tostring", function() return "mine" end)
      realprint(tostring(1))
      tostring = nil
      realprint(tostring(1))
    `);
    expect(lines).toEqual(['_G,ctx,time', '4\ttrue', 'wrapped\tx', 'true\ttrue', 'true', 'mine', '1']);
  });

  it("one process's globals are not another's", async () => {
    const { lines, exit } = await runBodies(
      `
      local realprint = print
      print = function() end
      shared = "main"
      process.spawn("app:child", "app:processes", process.pid())
      local d = process.inbox():receive():payload():data()
      realprint(d)
      `,
      {
        'app:child': `
          local parent = ...
          process.send(parent, "seen", type(print) .. " " .. tostring(shared) .. " " .. tostring(rawget(_G, "print") == print))
        `,
      },
    );
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['function nil true']);
  });
});
