-- Appends at #t + 1 into tables that are not table locals (parameters, fields, upvalues; the compiler appends inline
-- when no hash part holds the keys that follow): keys waiting in the hash part move into the sequence, a first
-- element into an empty table, __newindex still called, and stores past the end.
local function add(t, v) t[#t + 1] = v end
local function show(name, t, n)
  local out = {}
  for i = 1, n do add(out, tostring(t[i])) end
  print(name, #t, table.concat(out, " "))
end

local t = {}
for i = 1, 5 do add(t, i) end
show("plain", t, 6)

local waiting = { [2] = "b", [3] = "c", [5] = "e" }
add(waiting, "a")
show("waiting", waiting, 6)
add(waiting, "d")
show("joined", waiting, 6)

local holder = { list = {} }
for i = 1, 3 do holder.list[#holder.list + 1] = i * 10 end
show("field", holder.list, 4)

local logged = {}
local proxy = setmetatable({}, { __newindex = function(self, k, v) add(logged, k); rawset(self, k, v .. "!") end })
add(proxy, "x")
add(proxy, "y")
show("proxy", proxy, 3)
print("logged", #logged, logged[1], logged[2])

local class = setmetatable({}, { __index = { kind = "obj" } })
add(class, "first")
add(class, "second")
show("class", class, 3)
print("kind", class.kind)

local sparse = { 1, 2, 3 }
sparse[3] = nil
add(sparse, "again")
sparse[#sparse + 2] = "gap"
show("sparse", sparse, 5)

local function collect(...)
  local out = {}
  for i = 1, select("#", ...) do add(out, (select(i, ...))) end
  return out
end
show("collect", collect("p", "q", "r"), 4)
