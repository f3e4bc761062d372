-- __tostring is used by tostring/print but not by `..`
local o = setmetatable({}, { __tostring = function() return "O" end })
print(o, tostring(o) .. "!")
print((pcall(function() return o .. "!" end)))
print(string.format("%s", tostring(o)))
