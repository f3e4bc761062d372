local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do s = s + select(i, ...) end
  return s
end
local t = {}
for i = 1, 200 do t[i] = i end
print(sum(unpack(t)))
print(select('#', unpack(t)))
local u = { unpack(t) }
print(#u, u[200])
print(math.max(unpack(t)), math.min(unpack(t)))
