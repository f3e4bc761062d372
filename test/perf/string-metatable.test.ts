// Method calls on strings read the string metatable's __index table inline (emit/calls.ts, runtime ABI SMETA):
// replacing that __index (with a table or a function) must be seen by every later call, as under lua5.1. Not in the
// test/lua corpus because the corpus prelude itself calls string methods.
import { describe, expect, it } from 'vitest';
import { runScriptCli } from '../support/moonforge-cli.js';
import { referenceLuaOutput } from '../support/reference-lua.js';

const SRC = `
local s = "Hello"
local function up(v) return v:upper() end
print(up(s), s:len())
local mt = getmetatable("")
local saved = mt.__index
mt.__index = { shout = function(str) return saved.upper(str) .. "!" end }
print(s:shout(), (pcall(function() return s:upper() end)), (pcall(up, s)))
mt.__index = function(str, key) return function(_, a) return key .. "(" .. str .. "," .. tostring(a) .. ")" end end
print(s:anything(1), ("x"):other(), up(s))
mt.__index = nil
print((pcall(up, s)), (pcall(function() return s:len() end)))
mt.__index = saved
print(s:upper(), up("again"), (pcall(function() return s:shout() end)))
`;

describe('string methods after the string metatable changes', () => {
  it('agree with lua5.1', async () => {
    const want = referenceLuaOutput(SRC, { name: 'sm.lua' });
    const got = await runScriptCli(SRC, { name: 'sm.lua', env: { MOONFORGE_CACHE: 'off' } });
    expect(got.stderr).toBe('');
    expect(got.stdout).toBe(want);
    expect(want.split('\n').length).toBeGreaterThan(4);
  });
});
