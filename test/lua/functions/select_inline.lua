-- select(n, ...) over a function's own varargs is read in place when the callee is the standard select: every
-- count, position and context must give what the ordinary call gives, errors included, and a `select` of the
-- program's own must still be called.
local function f(...)
  local n = select('#', ...)
  local out = {}
  for i = 1, n do out[#out + 1] = tostring(select(i, ...)) end
  print(n, table.concat(out, ','), select(-1, ...))
  print(select(2, ...))
  print((select(2, ...)))
  local a, b, c = select(2, ...)
  print(a, b, c)
  print('in a call', select(n > 0 and n or 1, ...))
  return select(n > 0 and n or 1, ...)
end
print(f(1, nil, 3, nil))
print(f('a', 'b'))
print(pcall(f))
local function zero(...) return select(0, ...) end
print(pcall(zero, 1))
local function far(...) return (select(-5, ...)) end
print(pcall(far, 1, 2))
local function bad(...) return select('x', ...) end
print(pcall(bad, 1))
local function past(...) local v = select(5, ...) return v end
print(past(1, 2))
local function all_past(...) return select(3, ...) end
print(select('#', all_past(1, 2)))
local function float_index(...) return select(2.0, ...) end
print(float_index('p', 'q', 'r'))
local select = function(...) return 'own', ... end
local function own(...) return select(1, ...) end
print(own(7, 8))
