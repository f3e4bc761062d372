local mt = { __add = function(a, b)
  error("cannot add these")
end }
local v = setmetatable({}, mt)
print(v + 1)
