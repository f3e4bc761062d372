local mt = {}
local function N(v) return setmetatable({ v = v }, mt) end
local function val(x) if type(x) == "table" then return x.v end return x end
mt.__add = function(a, b) return N(val(a) + val(b)) end
mt.__sub = function(a, b) return N(val(a) - val(b)) end
mt.__mul = function(a, b) return N(val(a) * val(b)) end
mt.__div = function(a, b) return N(val(a) / val(b)) end
mt.__mod = function(a, b) return N(val(a) % val(b)) end
mt.__pow = function(a, b) return N(val(a) ^ val(b)) end
mt.__unm = function(a) return N(-a.v) end
print((N(2) + N(3)).v, (N(2) - 5).v, (10 - N(4)).v, (N(3) * N(4)).v)
print((N(8) / 2).v, (N(7) % 3).v, (2 ^ N(3)).v, (-N(5)).v)
print((N(1) + 2 + N(3) * 2).v)
local order = {}
local mt2 = { __add = function(a, b) order[#order + 1] = type(a) .. "+" .. type(b) return 0 end }
local o = setmetatable({}, mt2)
local _ = o + 1, 1 + o, "x" + o
print(table.concat(order, " "))
