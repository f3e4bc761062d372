print(xpcall(function() return "fine", 2 end, function(m) return "handled: " .. m end))
print(xpcall(function() error("bad") end, function(m) return "handled: " .. m end))
print(xpcall(function() error({ n = 1 }) end, function(m) return type(m) .. ":" .. m.n end))
print(xpcall(function() error("x", 0) end, function(m) return m, "extra" end))
local seen
print(xpcall(function() local t = nil; return t.x end, function(m) seen = type(m) return "caught" end))
print(seen)
