-- table and key of an assignment target are evaluated before the right-hand side
local t = {}
local i = 1
t[i] = (function() i = 2 return "v" end)()
print(t[1], t[2], i)
local x = {}
local old = x
x.y = (function() x = {} return 1 end)()
print(old.y, x.y)
local log = {}
local function k(n) log[#log + 1] = "k" .. n return n end
local function v(n) log[#log + 1] = "v" .. n return n end
local u = {}
u[k(1)] = v(1)
print(table.concat(log, " "))
