-- generic functions, typed locals and returns
local function map(list, fn)
  local out = {}
  for i = 1, #list do
    out[i] = fn(list[i])
  end
  return out
end

local function first(list)
  return list[1]
end

local squares = map({1, 2, 3}, function(x) return x * x end)
print(table.concat(squares, ","), first(squares), first({}))
local names = map({"a", "b"}, function(s) return s:upper() end)
print(names[1] .. names[2])
