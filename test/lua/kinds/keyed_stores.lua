-- Stores with keys computed at run time (the compiler stores string keys and array slots inline): through a
-- metatable without __newindex, with __newindex, nil stores, and keys of other types.
local function sorted(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = tostring(k) end
  table.sort(keys)
  return table.concat(keys, ",")
end

local names = {}
local kinds = { "rect", "square", "circle", "rect", "rect" }
for i = 1, #kinds do
  local k = kinds[i]
  names[k] = (names[k] or 0) + 1
end
print("names", names.rect, names.square, names.circle, sorted(names))

local Class = { __index = { greet = function() return "hi" end } }
local obj = setmetatable({}, Class)
local field = "name"
obj[field] = "o"
obj[1] = "one"
print("obj", obj.name, obj[1], obj.greet(), rawget(obj, "name"), sorted(obj))

local seen = {}
local watched = setmetatable({}, { __newindex = function(t, k, v) seen[#seen + 1] = tostring(k); rawset(t, k, v) end })
local key = "a"
watched[key] = 1
watched[key] = 2
key = 1
watched[key] = "x"
watched[key] = "y"
print("watched", watched.a, watched[1], table.concat(seen, ","))

local t = { x = 1, y = 2 }
local dyn = "x"
t[dyn] = nil
dyn = "z"
t[dyn] = nil
print("cleared", t.x, t.y, t.z, sorted(t))

local mixed = {}
local keys = { "s", 1, 2.5, true, -3, 0 }
for i = 1, #keys do mixed[keys[i]] = i end
print("mixed", mixed.s, mixed[1], mixed[2.5], mixed[true], mixed[-3], mixed[0], sorted(mixed))
print("nil key", pcall(function() local k; mixed[k] = 1 end) == false)
print("nan key", pcall(function() local k = 0 / 0; mixed[k] = 1 end) == false)

local proto = {}
local special = { "__proto__", "constructor", "toString", "hasOwnProperty", "__index" }
for i = 1, #special do proto[special[i]] = i end
print("special", proto.__proto__, proto.constructor, proto.toString, proto.hasOwnProperty, proto.__index, sorted(proto))
