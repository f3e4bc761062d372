// Liveness in metamethods (issue 10): a process spinning forever inside a metamethod gives way like `while true do end`
// does (other processes keep running) and process.terminate ends it with an EXIT to its monitor. Process-mode
// generator code runs a handler that has a twin as that twin (runtime/core/defer.ts); before, the handler's plain
// version ran and never counted the budget, so the whole node hung.
import { describe, expect, it } from 'vitest';
import { BUSY_ENDED, runBesideBusy } from '../../support/process-harness.js';

/**
 * `busy` runs in app:busy after `spin` (a function that never returns) and a table `t` whose metatable `mt` is empty
 * are set up; its first statement is inside a loop so the process's main runs as a generator (as any process that
 * receives or loops does). The metamethod under test is set by `busy` itself.
 */
async function spinsIn(busy: string): Promise<string[]> {
  const body = `
    local function spin() local n = 0 while true do n = n + 1 end end
    local mt = {}
    local t = setmetatable({}, mt)
    local u = setmetatable({}, mt)
    while true do
      ${busy}
      print("unreachable")
    end`;
  return runBesideBusy(body);
}

describe('a process spinning inside a metamethod gives way and is terminated', () => {
  const cases: [string, string][] = [
    ['__index (field)', 'mt.__index = spin local _ = t.x'],
    ['__index (number key)', 'mt.__index = spin local _ = t[1]'],
    ['__index (any key)', 'mt.__index = spin local k = {} local _ = t[k]'],
    ['__index (method call)', 'mt.__index = spin t:m()'],
    ['__index with its own loop', 'mt.__index = function(_, k) while true do end end local _ = t.x'],
    ['__index reached through an __index table', 'mt.__index = setmetatable({}, { __index = spin }) local _ = t.x'],
    ['__index of _G', 'setmetatable(_G, { __index = spin }) local _ = no_such_global'],
    ['__newindex (field)', 'mt.__newindex = spin t.x = 1'],
    ['__newindex (key)', 'mt.__newindex = spin t[5] = 1'],
    ['__newindex of _G', 'setmetatable(_G, { __newindex = spin }) new_global = 1'],
    ['__eq', 'mt.__eq = spin local _ = t == u'],
    ['__eq (~=)', 'mt.__eq = spin local _ = t ~= u'],
    ['__lt', 'mt.__lt = spin local _ = t < u'],
    ['__lt (>)', 'mt.__lt = spin local _ = t > u'],
    ['__le', 'mt.__le = spin local _ = t <= u'],
    ['__le through __lt', 'mt.__lt = spin local _ = t <= u'],
    ['__add', 'mt.__add = spin local _ = t + 1'],
    ['__sub (right operand)', 'mt.__sub = spin local _ = 1 - t'],
    ['__mul', 'mt.__mul = spin local _ = t * u'],
    ['__div', 'mt.__div = spin local _ = t / 2'],
    ['__mod', 'mt.__mod = spin local _ = t % 2'],
    ['__pow', 'mt.__pow = spin local _ = t ^ 2'],
    ['__unm', 'mt.__unm = spin local _ = -t'],
    ['__len', 'mt.__len = spin local _ = #t'],
    ['__concat', 'mt.__concat = spin local _ = t .. "x"'],
    ['__concat (right operand)', 'mt.__concat = spin local _ = "x" .. t'],
    ['__add of a callable table', 'mt.__add = setmetatable({}, { __call = spin }) local _ = t + 1'],
    ['a condition', 'mt.__lt = spin if t < u then end'],
    ['__tostring through tostring', 'mt.__tostring = spin local _ = tostring(t)'],
    ['__tostring through print', 'mt.__tostring = spin print(1, t)'],
    ['__tostring through string.format', 'mt.__tostring = spin local _ = string.format("%d %s", 1, t)'],
    ['__tostring through a format method call', 'mt.__tostring = spin local _ = ("%s"):format(t)'],
    ['the message handler of xpcall', 'xpcall(error, spin)'],
  ];
  for (const [name, busy] of cases) {
    it(name, async () => {
      expect(await spinsIn(busy)).toEqual(BUSY_ENDED);
    });
  }
});

// A process's main with no loop and no unknown call of its own would be plain JS, where a metamethod cannot give way
// (only the 5 s backstop ended it): in process mode the functions an entry's method: may name (the fields of the
// table a chunk returns, top-level `function name()` / `function M.name()`) get a twin (compiler/analyze/analyze.ts).
describe('the same when the process main has no loop of its own', () => {
  const loopless = (busy: string): string => `
    local function spin() local n = 0 while true do n = n + 1 end end
    local mt = {}
    local t = setmetatable({}, mt)
    local u = setmetatable({}, mt)
    ${busy}
    print("unreachable")`;
  const cases: [string, string][] = [
    ['__index', 'mt.__index = function(_, k) while true do end end local _ = t.x'],
    ['__newindex', 'mt.__newindex = spin t.x = 1'],
    ['__eq', 'mt.__eq = spin local _ = t == u'],
    ['__tostring through tostring', 'mt.__tostring = spin local _ = tostring(t)'],
    ['__concat', 'mt.__concat = spin local _ = t .. "x"'],
  ];
  for (const [name, busy] of cases) {
    it(name, async () => {
      expect(await runBesideBusy(loopless(busy))).toEqual(BUSY_ENDED);
    });
  }
});
