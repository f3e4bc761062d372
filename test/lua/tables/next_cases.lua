print(next({}))
local t = { "only" }
print(next(t))
print(next(t, 1))
local u = { a = 1 }
print(next(u))
print(next(u, "a"))
print((pcall(next, {}, "missing")))
local count = 0
local big = {}
for i = 1, 100 do big[i] = i big["k" .. i] = i end
for k, v in next, big do count = count + 1 end
print(count)
