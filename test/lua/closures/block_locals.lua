local fs = {}
for i = 1, 3 do
  local acc = {}
  fs[i] = function(v) acc[#acc + 1] = v return #acc end
end
print(fs[1]("a"), fs[1]("b"), fs[2]("c"), fs[3]("d"), fs[1]("e"))
local x = 1
local function getx() return x end
x = 2
print(getx())
local function later() return laterGlobal end
laterGlobal = "set after definition"
print(later())
