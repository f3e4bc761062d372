local function tree(n, depth)
  if depth == 0 then coroutine.yield(n) return end
  tree(n * 2, depth - 1)
  tree(n * 2 + 1, depth - 1)
end
local out = {}
for v in coroutine.wrap(function() tree(1, 4) end) do out[#out + 1] = v end
print(#out, table.concat(out, " "))
local function countdown(n) if n > 0 then coroutine.yield(n) return countdown(n - 1) end return "liftoff" end
local c = coroutine.wrap(countdown)
local got = {}
for _ = 1, 4 do got[#got + 1] = tostring(c(3)) end
print(table.concat(got, " "))
