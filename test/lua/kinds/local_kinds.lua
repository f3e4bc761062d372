-- Locals the compiler proves to be numbers or tables (analyze/value-kinds.ts) must still behave exactly:
-- the stores that break a kind, metatables set after a table local is created, and multiple assignments.

-- a counter that is a number all its life
local n = 0
for i = 1, 10 do n = n + i end
print("sum", n)

-- a number local that later receives a string: arithmetic coerces, concatenation and comparison see the string
local x = 1
x = x + 1
print("x", x, type(x))
x = "7"
print("x", x, type(x), x + 1, x .. "!", x == "7")

-- a number local that receives a call result, nil, or a table through `and`/`or`
local y = 5
local function give(v) return v end
y = give(9) or y
print("y", y)
local z = 3
z = nil
print("z", z)
local w = 2
local other = {}
w = (w > 1) and other or w
print("w is table", type(w) == "table")

-- a numeric for variable reassigned in the body
for i = 1, 3 do
  i = i * 10
  print("i", i)
end
for i = 1, 2 do
  i = tostring(i) .. "x"
  print("i", i)
end

-- a table local that gets a metatable after creation: __index, __newindex, __len is left out (5.1), __eq
local t = {}
local log = {}
setmetatable(t, {
  __index = function(_, k) return "default " .. tostring(k) end,
  __newindex = function(self, k, v) log[#log + 1] = tostring(k); rawset(self, k, v) end,
})
print("t.a", t.a, t[1], t["b"])
t.a = 1
t[1] = "one"
t["b"] = true
print("t", t.a, t[1], t.b, #log, log[1], log[2], log[3])
print("#t", #t)

local p = {}
local q = {}
local eq = { __eq = function() return true end }
print("p == q", p == q)
setmetatable(p, eq)
setmetatable(q, eq)
print("p == q", p == q, p ~= q)

-- method calls on a table local, through its own field and through __index classes
local Base = {}
Base.__index = Base
function Base.hello(self) return "base hello " .. self.name end
local obj = { name = "o" }
print((pcall(function() return obj:hello() end)))
setmetatable(obj, Base)
print(obj:hello())
obj.hello = function(self) return "own hello " .. self.name end
print(obj:hello())

-- a table local that is reassigned to other tables only
local list = {}
for round = 1, 3 do
  list[#list + 1] = round
  if round == 2 then list = { 10, 20 } end
end
print("list", #list, list[1], list[2], list[3])

-- a table local that is later reassigned to a non-table
local maybe = {}
maybe = "str"
print("maybe", maybe, #maybe)
local m2 = {}
m2 = nil
print("m2", (pcall(function() return m2.x end)))

-- multiple assignment: keys are fixed before the stores
local a = {}
local k = 1
k, a[k] = k + 1, "first"
print("a", a[1], a[2], k)
local j = 1
a[j], j = "again", 5
print("a", a[1], j)
local arr = { 1, 2, 3, 4, 5 }
local lo, hi = 1, 5
while lo < hi do
  arr[lo], arr[hi] = arr[hi], arr[lo]
  lo = lo + 1
  hi = hi - 1
end
print("arr", arr[1], arr[2], arr[3], arr[4], arr[5])

-- a key local changed by a __newindex closure during a multiple assignment
local idx = 1
local target = setmetatable({}, { __newindex = function(self, key, v) idx = 100; rawset(self, key, v) end })
local plain = {}
plain[idx], target[idx] = "p", "t"
print("idx", idx, plain[1], plain[100], rawget(target, 1))

-- an upvalue key is read before the values are evaluated, a local key of the current function at its store
-- (as PUC Lua 5.1 does), in single and multiple assignments
local u = 1
local ut = {}
local umt = setmetatable({}, { __newindex = function(s, key, v) u = 50; rawset(s, key, v) end })
;(function() ut[u], umt[u] = "a", "b" end)()
print("up", ut[1], ut[50])
u = 1
local function setsU() u = 60; return "c" end
;(function() ut[u] = setsU() end)()
print("up", ut[1], ut[60])
local lw = 1
local function setsW() lw = 70; return "d" end
ut[lw] = setsW()
print("local", ut[1], ut[70])

-- numbers that stop being integers, or stop being finite
local f = 1
for _ = 1, 60 do f = f * 2 end
print("big", f == 2 ^ 60, f / 2 ^ 59)
local half = 1
half = half / 2
print("half", half * 4)
local inf = 1
inf = inf / 0
print("inf", inf > 1e308, -inf < -1e308)
local nan = 0
nan = nan / 0
print("nan", nan ~= nan, nan == nan)

-- an upvalue number changed by a closure
local count = 0
local function bump() count = count + 1 end
for _ = 1, 4 do bump() end
print("count", count)
local shared = 0
local function spoil() shared = "s" end
spoil()
print("shared", shared, type(shared))

-- indexing a table local with keys of every kind
local kinds = { 1, 2, nil, 4 }
kinds.name = "n"
kinds[true] = "t"
kinds[2.5] = "f"
print(kinds[1], kinds[2], kinds[3], kinds[4], kinds.name, kinds[true], kinds[2.5], kinds[0], kinds[-1], kinds[5])

-- and/or: a number on both sides stays a number, a possible false or nil does not
local pick = 0
for r = 1, 4 do
  pick = (r % 2 == 0) and r * 10 or r
  print("pick", pick, pick + 1)
end
local maybeFalse = 1
maybeFalse = (maybeFalse > 5) and maybeFalse
print("maybeFalse", maybeFalse, type(maybeFalse))
local cmp = 3
print("cmp", cmp < 4, 4 <= cmp, cmp > 2.5, cmp >= 3, pcall(function() return cmp < "4" end) == false)
