-- libraries that must look like Lua's: type checks only, no host objects leak
print(type(string.format), type(table.insert), type(math.floor), type(coroutine.wrap))
print(string.toString, string.valueOf, table.constructor, math.__proto__)
local s = setmetatable({}, { __index = function(_, k) return "idx:" .. k end })
print(s.__proto__, s.constructor, s.toString)
