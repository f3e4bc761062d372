local mt = { __unm = function(a) return "neg:" .. a.n end }
local o = setmetatable({ n = 5 }, mt)
print(-o)
print(pcall(function() return -setmetatable({}, {}) end) == false)
