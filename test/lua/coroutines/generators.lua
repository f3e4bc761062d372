local function fib()
  return coroutine.wrap(function()
    local a, b = 0, 1
    while true do coroutine.yield(a) a, b = b, a + b end
  end)
end
local f = fib()
local out = {}
for i = 1, 15 do out[i] = f() end
print(table.concat(out, " "))
local function filter(pred, gen)
  return coroutine.wrap(function()
    for v in gen do if pred(v) then coroutine.yield(v) end end
  end)
end
local function count(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local evens = {}
for v in filter(function(x) return x % 2 == 0 end, count(20)) do evens[#evens + 1] = v end
print(table.concat(evens, ","))
