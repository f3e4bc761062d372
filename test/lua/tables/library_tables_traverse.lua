-- The library tables are read-only under Wippy (frozen); traversing them with pairs/next must still work,
-- including a second traversal and next() from a key in the middle.
for _, lib in ipairs({ string, table, math, os, coroutine }) do
  local n, funcs = 0, 0
  for _, v in pairs(lib) do
    n = n + 1
    if type(v) == "function" then funcs = funcs + 1 end
  end
  local again = 0
  for _ in pairs(lib) do again = again + 1 end
  print(n > 3, funcs > 3, n == again, next(lib) ~= nil)
end
local first = next(string)
local second = next(string, first)
print(type(first), second ~= first, type(second))
local seen = 0
for _ in pairs(_G) do seen = seen + 1 end
print(seen > 10)
