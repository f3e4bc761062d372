-- coroutines: resume/yield ping-pong carrying values both ways, coroutine.wrap generators, yields from nested
-- calls (a recursive tree walk), a producer/filter/consumer pipeline, and many short-lived coroutines.
local create, resume, yield, wrap, status = coroutine.create, coroutine.resume, coroutine.yield, coroutine.wrap,
  coroutine.status
local M = 1000003
local check = 0

-- 1. many short-lived coroutines: two resumes each
local SHORT = 500000
for i = 1, SHORT do
  local co = create(function(a, b)
    local c = yield(a + b)
    return c * 2
  end)
  local _, s = resume(co, i, 1)
  local _, d = resume(co, s % 100)
  if status(co) == "dead" then check = (check + s + d) % M end
end

-- 2. a wrap generator
local function range(n)
  return wrap(function()
    for i = 1, n do yield(i) end
  end)
end
for _ = 1, 3000 do
  for v in range(500) do check = (check + v) % M end
end

-- 3. yield from deep inside recursion
local function tree(depth)
  if depth == 0 then return nil end
  return { left = tree(depth - 1), right = tree(depth - 1), value = depth }
end
local function walk(node)
  if node then
    walk(node.left)
    yield(node.value)
    walk(node.right)
  end
end
local t = tree(12)
for _ = 1, 150 do
  local co = wrap(function() walk(t); return nil end)
  while true do
    local v = co()
    if v == nil then break end
    check = (check + v) % M
  end
end

-- 4. pipeline: producer -> filter -> consumer, values passed through resume and yield
local function producer(n)
  return create(function()
    for i = 1, n do yield(i) end
    return nil
  end)
end
local function filterOdd(src)
  return create(function()
    while true do
      local _, v = resume(src)
      if v == nil then return nil end
      if v % 2 == 1 then yield(v * 3) end
    end
  end)
end
for _ = 1, 300 do
  local f = filterOdd(producer(2000))
  while true do
    local _, v = resume(f)
    if v == nil then break end
    check = (check + v) % M
  end
end

-- 5. ping-pong: the caller sends a value in, the coroutine answers
local echo = create(function(x)
  while true do x = yield(x * 2 % 1009) end
end)
for i = 1, 1000000 do
  local _, v = resume(echo, i)
  check = (check + v) % M
end
print(string.format("coroutines check %d", check))
