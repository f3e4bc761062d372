-- globals named like JS/runtime identifiers are ordinary Lua globals
R = 1 index = 2 call = 3 concat = 4 arith = 5 LuaTable = 6 rt = 7 Symbol = 8 Map = 9 Error = 10
print(R + index + call + concat + arith + LuaTable + rt + Symbol + Map + Error)
local function readAll() return R, index, call, concat, arith, LuaTable, rt, Symbol, Map, Error end
print(readAll())
local t = { R = "f1", index = "f2", call = "f3", prototype = "f4", arguments = "f5", caller = "f6", callee = "f7" }
print(t.R, t.index, t.call, t.prototype, t.arguments, t.caller, t.callee)
local obj = {}
function obj:call(x) return "method call " .. x end
function obj:apply(x) return "method apply " .. x end
function obj:bind(x) return "method bind " .. x end
function obj:toString() return "method toString" end
print(obj:call(1), obj:apply(2), obj:bind(3), obj:toString())
