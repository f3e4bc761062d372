local log = {}
local t = setmetatable({ real = 1 }, { __index = function(tbl, k) log[#log + 1] = tostring(k) return k .. "!" end })
print(t.real, t.foo, t[1], t.bar)
print(table.concat(log, ","))
local calls = 0
local d = setmetatable({}, { __index = function(t2, k) calls = calls + 1 rawset(t2, k, k * 2) return k * 2 end })
print(d[5], d[5], d[6], calls)
