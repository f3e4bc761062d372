local i = 0
repeat i = i + 1 until i >= 3
print(i)
-- until sees locals of the body
local n = 0
repeat
  local done = n >= 4
  n = n + 1
until done
print(n)
repeat print("body runs once") until true
local fs = {}
local k = 0
repeat
  local captured = k
  fs[#fs + 1] = function() return captured end
  k = k + 1
until captured == 2
print(fs[1](), fs[2](), fs[3]())
