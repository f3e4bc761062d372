local function count(n, ...)
  if n == 0 then return select('#', ...) end
  return count(n - 1, ...)
end
print(count(100000, 1, 2, 3))
local function accumulate(n, acc)
  if n == 0 then return acc end
  return accumulate(n - 1, acc .. (n % 10))
end
print(#accumulate(10000, ""))
