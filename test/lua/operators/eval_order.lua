local log = {}
local function v(name, x) log[#log + 1] = name return x end
local r = v("a", 1) + v("b", 2) * v("c", 3)
print(r, table.concat(log, ""))
log = {}
local t = { v("x", 1), v("y", 2), k = v("z", 3) }
print(table.concat(log, ""))
log = {}
local function f(...) return select('#', ...) end
print(f(v("1", 1), v("2", 2), v("3", 3)), table.concat(log, ""))
log = {}
local s = v("p", "p") .. v("q", "q") .. v("r", "r")
print(s, table.concat(log, ""))
log = {}
local c = v("l", 1) < v("m", 2)
print(c, table.concat(log, ""))
log = {}
local obj = { m = function(self, x) return x end }
local function getobj() log[#log + 1] = "obj" return obj end
print(getobj():m(v("arg", 5)), table.concat(log, ""))
