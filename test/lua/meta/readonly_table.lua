local function makeReadonly(t)
  return setmetatable({}, {
    __index = t,
    __newindex = function(_, k) error("attempt to update a read-only table: " .. tostring(k), 2) end,
    __metatable = false,
  })
end
local days = makeReadonly({ "Mon", "Tue", "Wed" })
print(days[1], days[3], days[4])
print(pcall(function() days[4] = "Thu" end))
print(getmetatable(days))
print((pcall(setmetatable, days, nil)))
