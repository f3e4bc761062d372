local a = 1
local g1 = function() return a end
local a = 2
local g2 = function() return a end
a = 3
print(g1(), g2(), a)
local function v() return "first" end
local v1 = v
local function v() return "second" end
print(v1(), v())
for i = 1, 2 do
  local k = i
  local k = k * 10
  print(k)
end
