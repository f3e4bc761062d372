// The ctx module hands out copies (wippyai/runtime runtime/lua/modules/ctx/module.go: get and all convert the
// stored value into a fresh Lua value on every call, toLuaValue): a process changing what ctx.get / ctx.all gave it
// changes neither its own later reads nor the context its children, siblings or parent see. Error kinds and the
// two results follow module.go and tests/app/src/test/ctx/errors.lua.
import { describe, expect, it } from 'vitest';
import { runBodies } from '../support/process-harness.js';

describe('ctx.get / ctx.all return copies (module.go toLuaValue)', () => {
  it('mutating a got table changes neither later reads nor a child; all() values are fresh too', async () => {
    const { lines, exit } = await runBodies(
      `
      local sp = process.with_context({ cfg = { limit = 1, tags = { "a" } }, name = "svc" })
      sp:spawn("app:mutator", "app:processes", process.pid())
      print(process.inbox():receive():payload():data())
      `,
      {
        'app:mutator': `
          local parent = ...
          local c1 = ctx.get("cfg")
          c1.limit = 99
          c1.tags[1] = "changed"
          local c2 = ctx.get("cfg")
          local all = ctx.all()
          all.cfg.limit = 7
          all.name = "other"
          local all2 = ctx.all()
          local ok = c1 ~= c2 and all.cfg ~= all2.cfg and all ~= all2
          process.spawn("app:reader", "app:processes", parent, ok, c2.limit, c2.tags[1], all2.cfg.limit, all2.name)`,
        'app:reader': `
          local parent, ok, limit, tag, alllimit, name = ...
          local mine = ctx.get("cfg")
          process.send(parent, "r", table.concat({ tostring(ok), limit, tag, alllimit, name, mine.limit, mine.tags[1] }, " "))`,
      },
    );
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['true 1 a 1 svc 1 a']);
  });

  it('siblings spawned from one builder do not see each other\'s changes', async () => {
    const { lines } = await runBodies(
      `
      local sp = process.with_context({ shared = { n = 0 } })
      local me = process.pid()
      sp:spawn("app:bump", "app:processes", me)
      sp:spawn("app:bump", "app:processes", me)
      local inbox = process.inbox()
      print(inbox:receive():payload():data(), inbox:receive():payload():data())
      `,
      { 'app:bump': 'local parent = ...\nlocal t = ctx.get("shared")\nt.n = t.n + 1\nprocess.send(parent, "n", t.n)' },
    );
    expect(lines).toEqual(['1\t1']);
  });

  it('errors: missing key NotFound, empty key Invalid, neither retryable; found values come with a nil error', async () => {
    const { lines } = await runBodies(`
      local v, err = ctx.get("nonexistent_key")
      print(v, err:kind(), err:retryable(), err:message())
      v, err = ctx.get("")
      print(v, err:kind(), err:retryable())
      local all, aerr = ctx.all()
      print(type(all), next(all), aerr)
      print(pcall(ctx.get, {}))
    `);
    expect(lines[0]).toBe('nil\tNotFound\tfalse\tkey not found: nonexistent_key');
    expect(lines[1]).toBe('nil\tInvalid\tfalse');
    expect(lines[2]).toBe('table\tnil\tnil');
    expect(lines[3]).toMatch(/^false\t.*bad argument #1 to 'get' \(string expected, got table\)/);
  });
});
