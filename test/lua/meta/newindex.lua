local log = {}
local t = setmetatable({ existing = 1 }, {
  __newindex = function(tbl, k, v) log[#log + 1] = k .. "=" .. tostring(v) rawset(tbl, k, v) end,
})
t.existing = 2
t.new = 3
t.new = 4
print(t.existing, t.new, table.concat(log, " "))
local store = {}
local proxy = setmetatable({}, { __newindex = store, __index = store })
proxy.x = 10
print(rawget(proxy, "x"), store.x, proxy.x)
local ro = setmetatable({}, { __newindex = function(_, k) error("readonly " .. k, 2) end })
print(pcall(function() ro.y = 1 end))
