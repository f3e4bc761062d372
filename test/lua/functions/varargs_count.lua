local function n(...) return select('#', ...) end
print(n(), n(nil), n(nil, nil), n(1, nil), n(nil, 1, nil))
print(select('#', ...))
local function tail(...) return select(2, ...) end
print(tail(1, 2, 3))
print(select(-1, "a", "b", "c"))
print(select(-2, "a", "b", "c"))
print(select(3, "a", "b"))
print(select('#', select(2, 1, 2, 3)))
