local function mr() return "a", "b" end
local t = { mr(), mr(), mr() }
print(#t, table.concat(t))
local u = { mr(), mr(), x = 1 }
print(#u, table.concat(u))
local v = { (mr()), (mr()) }
print(#v, table.concat(v))
local w = { [1] = "z", mr() }
print(w[1], w[2])
local m = { mr(), nil }
print(m[1], m[2])
