local function memoize(f)
  local cache, hits = {}, 0
  return function(n)
    if cache[n] ~= nil then hits = hits + 1 return cache[n] end
    local v = f(n)
    cache[n] = v
    return v
  end, function() return hits end
end
local fib, hits
fib, hits = memoize(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(80) == 23416728348467685, hits())
print(string.format("%.0f", fib(70)))
