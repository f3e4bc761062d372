// A process that raises a table (with or without __tostring, or with a __tostring that fails itself) exits with an
// error like any failure; the runtime and the other processes go on. Before, turning the value into the exit
// error's text called String() on a prototype-less LuaTable and the TypeError took the whole node down.
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';

const MAIN = `
  local events = process.events()
  local function exit_of(id)
    local pid = process.spawn_monitored(id, "app:processes")
    local ev = events:receive()
    return ev.kind == process.event.EXIT and ev.from == pid, tostring(ev.result.error)
  end
  print(exit_of("app:plain"))
  print(exit_of("app:named"))
  print(exit_of("app:badname"))
  print(exit_of("app:ok"))
  return "main done"`;

describe('a process that raises a table', () => {
  it('fails alone, with a readable error, and the runtime goes on', async () => {
    const { lines, exit } = await runBodies(MAIN, {
      'app:plain': 'error({ code = 1 })',
      'app:named': 'error(setmetatable({ code = 7 }, { __tostring = function(e) return "custom " .. e.code end }))',
      'app:badname': 'error(setmetatable({}, { __tostring = function() error("nested") end }))',
      'app:ok': 'return 1',
    });
    expect(exit?.error).toBeUndefined();
    expect(lines[0]).toMatch(/^true\ttable: 0x[0-9a-f]+$/);
    expect(lines[1]).toBe('true\tcustom 7');
    expect(lines[2]).toMatch(/^true\ttable: 0x[0-9a-f]+$/);
    expect(lines[3]).toBe('true\tnil');
  });
});

describe('require with a name that is not a string', () => {
  it('raises a Lua argument error (not a JS TypeError)', async () => {
    const { lines } = await runBodies(`
      local ok, e = pcall(require, {})
      print(ok, (string.gsub(tostring(e), "^[^:]*:%d+: ", "")))
      local ok2, e2 = pcall(require)
      print(ok2, (string.gsub(tostring(e2), "^[^:]*:%d+: ", "")))
      local ok3, e3 = pcall(require, "nothing_here")
      print(ok3, (string.gsub(tostring(e3), "^[^:]*:%d+: ", "")))`, {});
    expect(lines).toEqual([
      "false\tbad argument #1 to 'require' (string expected, got table)",
      "false\tbad argument #1 to 'require' (string expected, got no value)",
      "false\tmodule 'nothing_here' not found",
    ]);
  });
});

describe('timer and ticker methods with something else as self', () => {
  it('raise a Lua argument error instead of reading fields of the value', async () => {
    const { lines } = await runBodies(`
      local t = time.timer("1h")
      local m = getmetatable(t).__index
      for _, name in ipairs({ "stop", "reset", "channel", "response" }) do
        local ok, e = pcall(m[name], { sub = "x", ch = "y" }, "1s")
        print(name, ok, (string.gsub(tostring(e), "^[^:]*:%d+: ", "")))
      end
      print(t:stop(), t:stop())`, {});
    expect(lines).toEqual([
      "stop\tfalse\tbad argument #1 to 'stop' (timer expected, got table)",
      "reset\tfalse\tbad argument #1 to 'reset' (timer expected, got table)",
      "channel\tfalse\tbad argument #1 to 'channel' (timer expected, got table)",
      "response\tfalse\tbad argument #1 to 'response' (timer expected, got table)",
      'true\tfalse',
    ]);
  });
});
