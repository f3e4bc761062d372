-- fib: naive doubly recursive Fibonacci; stresses Lua function calls and returns.
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local total = 0
for i = 1, 6 do
  total = total + fib(32)
end
print(string.format("fib checksum %d", total))
