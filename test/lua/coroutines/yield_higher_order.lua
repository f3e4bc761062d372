-- a function that only calls its argument must still let that argument yield
local function each(list, fn) for i, v in ipairs(list) do fn(v, i) end return "each done" end
local function map(list, fn) local out = {} for i, v in ipairs(list) do out[i] = fn(v) end return out end
local gen = coroutine.wrap(function()
  local r = each({ "x", "y" }, function(v, i) coroutine.yield(i .. v) end)
  local m = map({ 1, 2 }, function(v) return coroutine.yield("map" .. v) end)
  return r .. " " .. m[1] .. m[2]
end)
print(gen())
print(gen())
print(gen())
print(gen("A"))
print(gen("B"))
