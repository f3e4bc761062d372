-- Fields set to nil (a cleared field may stay a key holding no value inside moonforge, for speed): every reader
-- must see it gone: reads, pairs/next, emptiness, __index and __newindex, counts, and many keys cleared in turn.
local function keys(t)
  local out = {}
  for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
  table.sort(out)
  return table.concat(out, " ")
end

local r = { a = 1, b = 2, c = 3 }
r.a = nil
print(keys(r), r.a, rawget(r, "a"))
r.b, r.c = nil, nil
print(next(r) == nil, keys(r))
r.a = "back"
print(keys(r))

local Base = { kind = "base", link = "from class" }
Base.__index = Base
local o = setmetatable({}, Base)
o.link, o.id = "own", 7
o.link = nil
print(o.link, rawget(o, "link"), keys(o))
o.kind = "own kind"
o.kind = nil
print(o.kind)

local log = {}
local watched = setmetatable({}, { __newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end })
watched.x = 1
rawset(watched, "x", nil)
watched.x = 2
watched.x = nil
watched.x = 3
print(table.concat(log, ","), watched.x)

local list
for i = 1, 6 do list = { value = i, link = list } end
local n, node = 0, list
while node do
  local nxt = node.link
  node.link = nil
  n = n + node.value
  node = nxt
end
print(n, list.link, keys(list))

local map = {}
for i = 1, 100 do
  map["k" .. i] = i
  if i > 3 then map["k" .. (i - 3)] = nil end
end
print(keys(map))
for k in pairs(map) do map[k] = nil end
print(next(map))

local t = { p = 1, q = 2, r = 3, s = 4 }
local seen = 0
for k in pairs(t) do
  t[k] = nil
  seen = seen + 1
end
print(seen, next(t))

-- many clears: a small object toggled, and a big map cleared while it is traversed
local obj = { a = 1, b = 2 }
for i = 1, 200 do obj.a = (i % 3 == 0) and i or nil end
print(obj.a, obj.b, keys(obj))
local big = {}
for i = 1, 300 do big["x" .. i] = i end
local cleared, sum = 0, 0
for k, v in pairs(big) do
  if v % 3 ~= 0 then big[k] = nil; cleared = cleared + 1 else sum = sum + v end
end
local left = 0
for _ in pairs(big) do left = left + 1 end
print(cleared, sum, left, big.x3, big.x4)
