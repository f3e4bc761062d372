-- Records and lists (lists are a separate JS class, runtime/core/table.ts LuaList, and empty tables share one empty
-- array part) behave as every other table: no JS prototype members are reachable, keys come and go, metatables work.
local r = { x = 1, y = 2 }
print(r.constructor, r.__proto__, r.toString, r.hasOwnProperty, r.valueOf, r.isPrototypeOf, r.length)
r.constructor = "c"
r.__proto__ = "p"
print(r.constructor, r.__proto__, rawget(r, "__proto__"))
local keys = {}
for k, v in pairs(r) do keys[#keys + 1] = k .. "=" .. tostring(v) end
table.sort(keys)
print(table.concat(keys, " "))
r.x = nil
r.z = 3
r[1] = "one"
r[2] = "two"
print(r.x, r.y, r.z, #r, r[1], r[2], next({ a = 1 }))
local mixed = { 10, 20, name = "m", 30 }
print(#mixed, mixed[1], mixed[3], mixed.name)
local C = { __index = function(_, k) return "missing " .. k end }
local obj = setmetatable({ field = 1 }, C)
print(obj.field, obj.other, rawget(obj, "other"), getmetatable(obj) == C)
print(type(r), type(mixed), rawequal(r, r), r == { x = 1, y = 2 })
local list = { 1, 2, 3 }
print(list.constructor, list.__proto__, list.length, list.push, list.toString)
list.name = "l"
list.push = "p"
list[5] = 5
list[4] = 4
print(#list, list.name, list.push, list[5], getmetatable(list))
setmetatable(list, { __index = function(_, k) return "dflt" end })
print(list[9], list.other, list[1])
local e1, e2 = {}, {}
e1[1] = "a"
print(#e1, #e2, e2[1], next(e2))
