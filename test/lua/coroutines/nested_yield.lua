local function deep(n)
  if n == 0 then return coroutine.yield("bottom") end
  local r = deep(n - 1)
  return r .. "<" .. n
end
local co = coroutine.create(function() return deep(5) end)
print(coroutine.resume(co))
print(coroutine.resume(co, "back"))
print(coroutine.status(co))
local function walk(t)
  for _, v in ipairs(t) do
    if type(v) == "table" then walk(v) else coroutine.yield(v) end
  end
end
local out = {}
for v in coroutine.wrap(function() walk({ 1, { 2, { 3, 4 } }, 5, { { { 6 } } } }) end) do out[#out + 1] = v end
print(table.concat(out, ","))
