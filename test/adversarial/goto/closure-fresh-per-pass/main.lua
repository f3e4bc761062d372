-- Each pass of a backward goto runs `local c` anew: every closure keeps its own c (Lua 5.2+, go-lua; lua5.4 prints
-- 100 200 300 300). A shared JS variable would print 300 300 300.
local fns, n = {}, 1
::again::
local c = n * 100
fns[#fns + 1] = function() return c end
n = n + 1
if n <= 3 then goto again end
print(fns[1](), fns[2](), fns[3](), c)

-- The same with the closure only inside the loop, and a repeat-until reading the pass's local.
local gs, k = {}, 0
repeat
  ::inner::
  k = k + 1
  local x = k
  gs[#gs + 1] = function() return x end
  if k % 2 == 1 then goto inner end
until x >= 4
print(gs[1](), gs[2](), gs[3](), gs[4]())
