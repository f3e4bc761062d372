-- a closure that changes the loop variable changes only its own iteration's copy
local fs = {}
for i = 1, 3 do
  fs[i] = function() i = i + 100 return i end
end
print(fs[1](), fs[1](), fs[2](), fs[3]())
local gets, sets = {}, {}
for i = 1, 2 do
  gets[i] = function() return i end
  sets[i] = function(v) i = v end
end
sets[1](42)
print(gets[1](), gets[2]())
