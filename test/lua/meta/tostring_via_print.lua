local mt = { __tostring = function(s) return "obj#" .. s.id end }
local list = {}
for i = 1, 3 do list[i] = setmetatable({ id = i }, mt) end
print(list[1], list[2], list[3])
local parts = {}
for i, o in ipairs(list) do parts[i] = tostring(o) end
print(table.concat(parts, ","))
print(string.format("%s", tostring(list[1])))
