local t1, t2 = {}, {}
print(t1 == t2, t1 == t1, "x" == "x", 1 == 1, nil == nil, false == nil)
local f = print
print(f == print, print == print)
local co = coroutine.create(function() end)
print(co == co, co == coroutine.create(function() end))
print(0 == -0, 1 / 0 == 2 / 0)
