-- when __index is a table, its own __index function receives that table, not the original
local A = setmetatable({ tag = "A" }, { __index = function(t, k) return t.tag .. "." .. k end })
local B = setmetatable({ tag = "B" }, { __index = A })
local C = setmetatable({}, { __index = B })
print(C.x, B.y, A.z)
local seen
local D = setmetatable({}, { __newindex = function(t, k, v) seen = t end })
local E = setmetatable({}, { __newindex = D })
E.q = 1
print(seen == D, rawget(D, "q"), rawget(E, "q"))
