local g = coroutine.wrap(function(...)
  local a, b = coroutine.yield(select('#', ...), ...)
  return a, b, "last"
end)
print(g(1, 2, 3))
print(g("x", "y", "z"))
