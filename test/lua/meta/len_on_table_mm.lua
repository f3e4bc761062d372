local t = setmetatable({ 1, 2, 3 }, {})
print(#t)
local proxy = setmetatable({}, { __index = { 1, 2, 3 } })
print(#proxy, proxy[2])
