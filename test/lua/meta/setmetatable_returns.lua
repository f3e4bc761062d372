local t = {}
local r = setmetatable(t, { __index = { x = 1 } })
print(r == t, r.x)
print((pcall(setmetatable, t)))
print((pcall(setmetatable, t, 5)))
print(getmetatable(setmetatable({}, nil)))
