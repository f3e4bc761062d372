-- Positions of errors raised under pcall (which captures only the frames a position needs, and the whole stack
-- again when it lies deeper): error at levels 1 to 3, through helpers, library errors from nested calls, errors
-- raised directly by pcall'd library functions, inside coroutines, and the same errors outside any pcall's reach.
local function lvl1() error('one') end
local function lvl2() error('two', 2) end
local function callsLvl2() lvl2() end
local function lvl3() error('three', 3) end
local function mid() lvl3() end
local function callsMid() mid() end
print(pcall(lvl1))
print(pcall(callsLvl2))
print(pcall(callsMid))

-- deep chains: the position is the innermost frame, whatever the depth
local function deep(n) if n == 0 then error('deep') end deep(n - 1) end
print(pcall(deep, 30))
local function deep2(n) if n == 0 then error('deep2', 2) end deep2(n - 1) end
print(pcall(deep2, 30))

-- library errors from Lua code called under pcall
local function rep() return string.rep() end
print((pcall(rep)))
local function badArith(x) return x + {} end
print((pcall(badArith, 1)))

-- error values without a position
print(select(2, pcall(error, 'plain', 0)))
local ok, t = pcall(function() error({ 1, 2, 3 }) end)
print(ok, #t)
print(select(2, pcall(function() error(42, 0) end)))

-- nested pcalls and an error after a caught one
print(pcall(function()
  local ok2, m = pcall(lvl1)
  error('outer after ' .. tostring(ok2) .. ' ' .. m)
end))

-- inside a coroutine resumed under pcall, and a wrap re-raising under pcall
local co = coroutine.create(function() lvl1() end)
print(pcall(coroutine.resume, co))
local w = coroutine.wrap(function() error('wrapped', 0) end)
print(pcall(w))

-- xpcall's handler gets the positioned message
print(xpcall(callsLvl2, function(m) return 'handled ' .. m end))
