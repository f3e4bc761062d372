// Issue #10 (isolation): a process denied process.spawn tried to make an `admin` process spawn for it by installing
// a function in a table every process shares (the string metatable, a module, a userdata metatable); the admin ran
// it with its own pid and rights the next time it used a string, the clock or a channel. Every install must fail
// with the read-only error, and the admin, doing all of those things afterwards, must spawn nothing.
import { describe, expect, it } from 'vitest';
import { entry, makeApp } from '../../support/process-harness.js';
import type { PermissionCheck } from '../../../runtime/process/node.js';

// `hook` spawns app:child: what the attacker may not do, run by whoever calls it.
const EVIL = `
  local function hook() process.spawn("app:child", "app:processes") return function() end end
  local installs = {
    ['string metatable __index'] = function() rawset(getmetatable(""), "__index", function(s, k) hook() return string[k] end) end,
    ['string methods'] = function() getmetatable("").__index.upper = function(s) hook() return s end end,
    ['string metatable __metatable'] = function() rawset(getmetatable(""), "__metatable", hook) end,
    ['time module'] = function() rawset(time, "now", hook) end,
    ['channel methods'] = function() getmetatable(channel.new()).__index.send = hook end,
    ['channel module'] = function() channel.new = hook end,
    ['process.event'] = function() rawset(process.event, "EXIT", hook) end,
    ['error methods'] = function() getmetatable(errors.new("x")).__index.message = hook end,
    ['time methods'] = function() table.insert(getmetatable(time.now()).__index, hook) end,
    ['message metatable'] = function()
      process.send(process.pid(), "t", 1)
      setmetatable(getmetatable(process.inbox():receive()), { __index = hook })
    end,
    ['spawner methods'] = function() getmetatable(process.with_options({})).__index.spawn = hook end,
  }
  local names = {}
  for name in pairs(installs) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do
    local ok, err = pcall(installs[name])
    print(name, ok, (string.gsub(tostring(err), "^[^:]*:%d+: ", "")))
  end
  -- the check works: its own spawn is refused (nil, err)
  print("own spawn", process.spawn("app:child", "app:processes") ~= nil)
`;

// The admin uses everything the attacker tried to hook, then reports.
const ADMIN = `
  process.spawn("app:evil", "app:processes")
  time.sleep("10ms")
  local s = ("abc"):upper()
  local now = time.now()
  local ch = channel.new(1)
  ch:send(1)
  local e = errors.new("x"):message()
  process.send(process.pid(), "t", 1)
  local m = process.inbox():receive()
  print("admin done", s, e, m:topic(), process.event.EXIT)
`;

const deniedSpawn: PermissionCheck = (action, _resource, caller) =>
  !(caller?.entryId === 'app:evil' && action.startsWith('process.spawn'));

describe('a process denied process.spawn', () => {
  it('cannot install a function in a shared table for an admin process to run', async () => {
    const app = await makeApp(
      {
        'app:main': entry(ADMIN),
        'app:evil': entry(EVIL),
        'app:child': entry('print("CHILD RAN")'),
      },
      deniedSpawn,
    );
    app.rt.spawn('app:main', 'app:processes');
    app.settle();
    const lines = app.output.join('').split('\n').filter((l) => l !== '');
    expect(lines).toEqual([
      'channel methods\tfalse\tattempt to modify a read-only table',
      'channel module\tfalse\tattempt to modify a read-only table',
      'error methods\tfalse\tattempt to modify a read-only table',
      'message metatable\tfalse\tattempt to modify a read-only table',
      'process.event\tfalse\tattempt to modify a read-only table',
      'spawner methods\tfalse\tattempt to modify a read-only table',
      'string metatable __index\tfalse\tattempt to modify a read-only table',
      'string metatable __metatable\tfalse\tattempt to modify a read-only table',
      'string methods\tfalse\tattempt to modify a read-only table',
      'time methods\tfalse\tattempt to modify a read-only table',
      'time module\tfalse\tattempt to modify a read-only table',
      'own spawn\tfalse',
      'admin done\tABC\tx\tt\tpid.exit',
    ]);
    expect([...app.rt.node.procs.values()].filter((p) => p.entryId === 'app:child')).toEqual([]);
  });
});
