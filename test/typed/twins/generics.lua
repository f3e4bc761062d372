-- generic functions, typed locals and returns
local function map<T, U>(list: {T}, fn: (T) -> U): {U}
  local out: {U} = {}
  for i = 1, #list do
    out[i] = fn(list[i])
  end
  return out
end

local function first<T>(list: {T}): T?
  return list[1]
end

local squares: {number} = map({1, 2, 3}, function(x: number): number return x * x end)
print(table.concat(squares, ","), first(squares), first({}))
local names = map({"a", "b"}, function(s: string): string return s:upper() end)
print(names[1] .. names[2])
