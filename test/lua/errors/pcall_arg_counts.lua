-- pcall with 0 to 6 arguments for f, results of every count, tail calls inside, callable tables, errors, and the
-- results left in place for the next call (pcall reads its arguments without a rest array and moves f's results up
-- behind true in place).
local function count(...) return select('#', ...), ... end
print(pcall(count))
print(pcall(count, 1))
print(pcall(count, 1, 2))
print(pcall(count, 1, nil, 3))
print(pcall(count, 1, 2, 3, 4))
print(pcall(count, 1, 2, 3, 4, nil, 6))
print(select('#', pcall(count, nil, nil)))

local function none() end
print(select('#', pcall(none)), (pcall(none)))
local function many() return 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 end
print(pcall(many))
local t = { pcall(many) }
print(#t, t[1], t[11])

-- a tail call under pcall: its error is caught, its results returned
local function inner(a, b) if a then return a + b end error('inner failed', 0) end
local function outer(a, b) return inner(a, b) end
print(pcall(outer, 2, 3))
print(pcall(outer, nil, 3))

-- a callable table with arguments
local callable = setmetatable({}, { __call = function(self, x, y) return 'called', x, y end })
print(pcall(callable, 'a', 'b'))
print(pcall(callable))

-- not callable: false and a message
local ok, msg = pcall(nil, 1, 2)
print(ok, type(msg))
ok, msg = pcall(42)
print(ok, type(msg))

-- error values of every kind
print(pcall(error, { 1 }, 0) == false)
print(select(2, pcall(function() error({ code = 7 }) end)).code)
print(pcall(function(...) error(select('#', ...), 0) end, 1, 2, 3, 4, 5))

-- results of one pcall do not leak into the next
local function three() return 'x', 'y', 'z' end
local function one() return 'w' end
print(pcall(three))
print(pcall(one))
print(select('#', pcall(one)))

-- nested and in loops
local sum = 0
for i = 1, 200 do
  local ok2, a, b = pcall(function(x, y) return x * 2, y end, i, -i)
  if ok2 then sum = sum + a + b end
end
print(sum)
print(pcall(pcall, count, 1, 2))
print((pcall(pcall)))

-- xpcall: results behind true, the handler's value on failure
print(xpcall(many, print))
print(xpcall(function() error('bad', 0) end, function(m) return 'handled: ' .. m end))
