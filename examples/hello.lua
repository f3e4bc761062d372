-- A small tour: closures, metatables, coroutines, string patterns and error handling.
local Counter = {}
Counter.__index = Counter

function Counter.new(name)
  return setmetatable({ name = name, n = 0 }, Counter)
end

function Counter:bump(by)
  self.n = self.n + (by or 1)
  return self
end

local c = Counter.new("requests"):bump():bump(41)
print(c.name, c.n)

local function words(text)
  return coroutine.wrap(function()
    for w in text:gmatch("%a+") do coroutine.yield(w:upper()) end
  end)
end
for w in words("hello from moonforge") do io_like = (io_like or "") .. w .. " " end
print(io_like)

local ok, err = pcall(function() local cfg; return cfg.port end)
print(ok, err)
print(string.format("%5.2f%%", 99.5), #"héllo", select("#", ...), ...)
