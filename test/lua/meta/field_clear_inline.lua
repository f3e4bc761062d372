-- Clearing a field through a constant name: on plain tables and objects of a class (kept key, nil to every
-- reader), on a field that holds nothing (nothing is created), with __newindex (called only for absent fields),
-- with a value that is nil only at run time, and set again after clearing.
local Class = {}
Class.__index = Class
local log = {}
local Guarded = setmetatable({}, { __newindex = function(t, k, v) log[#log + 1] = k .. '=' .. tostring(v); rawset(t, k, v) end })

local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

local o = setmetatable({ a = 1, b = 2, c = 3 }, Class)
o.a = nil
o.zz = nil
print(o.a, o.b, o.zz, count(o), next(o) ~= 'a')
local maybe
for i = 1, 3 do
  if i == 2 then maybe = i end
  o.b = maybe
  o.c = nil
  print(i, o.b, o.c, count(o))
end
o.a = 'again'
print(o.a, count(o))

Guarded.x = nil
Guarded.x = 1
Guarded.x = nil
Guarded.x = 2
Guarded["y"] = nil
print(table.concat(log, ' '), Guarded.x, count(Guarded))

local plain = { link = {}, id = 7 }
for _ = 1, 100 do plain.link = nil; plain.link = {} end
plain.link = nil
print(plain.link, plain.id, count(plain))
