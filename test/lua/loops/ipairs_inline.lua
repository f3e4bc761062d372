-- Generic for over ipairs reads the array part inline: the cases where that read must fall back to the iterator's
-- own behaviour (keys past the array part, a metatable it ignores, the table changed while iterated, extra loop
-- variables, the iterator taken out of ipairs and used with another start, nested loops, coroutines).
local h = {} h[1] = 'a' h[2] = 'b' h[4] = 'd'
for i, v in ipairs(h) do print('hash part', i, v) end

local g = {} g[3] = 3 g[1] = 1 g[2] = 2
for i, v in ipairs(g) do print('filled backwards', i, v) end

local m = setmetatable({ 'x' }, { __index = function(_, k) return 'meta' .. k end })
for i, v in ipairs(m) do print('ignores __index', i, v) end

local s = { 1, 2, 3, 4, 5 }
for i, v in ipairs(s) do
  if i == 2 then s[4] = nil end
  print('cleared ahead', i, v)
end
local grow = { 1 }
for i, v in ipairs(grow) do
  if i < 4 then grow[i + 1] = v * 10 end
  print('grown ahead', i, v)
end

for i, v, extra in ipairs({ 'p', 'q' }) do print('three names', i, v, extra) end
for i in ipairs({ 'p', 'q' }) do print('one name', i) end

local iter = ipairs({})
for i, v in iter, { 7, 8, 9 }, 1 do print('own start', i, v) end

for i, row in ipairs({ { 1, 2 }, { 3 } }) do
  for j, v in ipairs(row) do print('nested', i, j, v) end
end

local co = coroutine.wrap(function()
  for i, v in ipairs({ 'y1', 'y2' }) do coroutine.yield(i .. v) end
end)
print(co(), co())
