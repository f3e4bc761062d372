print(unpack({1, 2, 3}))
print(unpack({1, 2, 3}, 2))
print(unpack({1, 2, 3}, 2, 3))
print(unpack({1, nil, 3}, 1, 3))
print(select('#', unpack({}, 1, 3)))
print(unpack({}, 1, 0))
print(select('#', unpack({})))
print(unpack({"a", "b"}, -1, 1))
local t = {n = 4, 10, 20}
print(unpack(t, 1, t.n))
local function sum(...) local s = 0 for _, v in ipairs({...}) do s = s + v end return s end
print(sum(unpack({1, 2, 3, 4})))
