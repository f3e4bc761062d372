local function inner(...) return select('#', ...), ... end
local function outer(...) return inner(...) end
print(outer(1, nil, 3, nil))
local function wrap(f) return function(...) return f(...) end end
print(wrap(math.max)(3, 9, 2))
local function addAll(...)
  local s = 0
  for i = 1, select('#', ...) do s = s + (select(i, ...)) end
  return s
end
print(addAll(1, 2, 3, 4, 5))
print(addAll())
local function varfirst(...) return (...) end
print(varfirst(7, 8, 9))
