local function f(...)
  local t = { ... }
  local n = select('#', ...)
  local parts = {}
  for i = 1, n do parts[i] = tostring(t[i]) end
  return n, table.concat(parts, ",")
end
print(f(nil, 2, nil))
print(f(nil))
print(f(1, nil, nil, nil))
local function g(a, ...)
  return a, select('#', ...)
end
print(g())
print(g(1))
print(g(1, nil))
