-- `local function f` sees itself; `local f = function` does not (f inside is the global)
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10))
local fib = function(n) return n end
local fib = function(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2) -- refers to the previous local fib (identity)
end
print(fib(10))
local g = function(n)
  if n == 0 then return "done" end
  return g(n - 1)
end
print(pcall(g, 0))
print((pcall(g, 1)))
