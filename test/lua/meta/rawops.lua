local t = setmetatable({}, {
  __index = function() return "meta" end,
  __newindex = function() error("no writes") end,
  __eq = function() return true end,
})
print(t.x, rawget(t, "x"))
rawset(t, "x", 1)
print(t.x, rawget(t, "x"))
print((pcall(function() t.y = 2 end)), rawget(t, "y"))
local u = setmetatable({}, getmetatable(t))
print(t == u, rawequal(t, u), rawequal(t, t))
print(rawequal(1, 1), rawequal("a", "a"), rawequal(1, "1"))
print(rawset(t, 1, "one") == t, rawget(t, 1))
