local function deepcopy(o, seen)
  seen = seen or {}
  if type(o) ~= "table" then return o end
  if seen[o] then return seen[o] end
  local c = {}
  seen[o] = c
  for k, v in pairs(o) do c[deepcopy(k, seen)] = deepcopy(v, seen) end
  return setmetatable(c, getmetatable(o))
end
local orig = { a = { b = { c = 1 } }, list = { 1, 2, 3 } }
orig.self = orig
local copy = deepcopy(orig)
print(copy ~= orig, copy.self == copy, copy.a.b.c, #copy.list, copy.a ~= orig.a)
copy.a.b.c = 2
print(orig.a.b.c, copy.a.b.c)
