-- Stores into table locals (the compiler appends inline at #t + 1): keys waiting in the hash part move into the
-- sequence, stores past the end, non-integer and negative keys, nil stores, and a metatable added later.
local function show(name, t, n)
  local out = {}
  for i = 1, n do out[#out + 1] = tostring(t[i]) end
  print(name, table.concat(out, " "))
end

local t = {}
t[3] = "c"
t[2] = "b"
t[1] = "a"
t[4] = "d"
show("migrated", t, 5)
print("#t", #t)

local u = {}
for i = 1, 5 do u[#u + 1] = i * i end
u[#u + 1] = nil
u[7] = 49
u[6] = 36
show("u", u, 8)
print("#u", #u)

local v = {}
v[1.5] = "x"
v[0] = "zero"
v[-1] = "neg"
v[1] = "one"
v[2^31] = "big"
v[2] = "two"
print("v", v[1.5], v[0], v[-1], v[1], v[2], v[2^31], #v)

local w = { 1, 2, 3 }
w[3] = nil
w[#w + 1] = "again"
show("w", w, 4)

local logged = {}
local m = {}
m[1] = "first"
setmetatable(m, { __newindex = function(self, k, val) logged[#logged + 1] = k; rawset(self, k, val) end })
m[2] = "second"
m[1] = "changed"
show("m", m, 2)
print("logged", #logged, logged[1])

local list = {}
for round = 1, 3 do
  for i = 1, round do list[#list + 1] = round * 10 + i end
  if round == 2 then list = {} end
end
show("list", list, 4)
