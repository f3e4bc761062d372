local function pack(...) return { n = select('#', ...), ... } end
local p = pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
local function count(...) return select('#', ...) end
print(count(unpack(p, 1, p.n)))
local empty = pack()
print(empty.n, empty[1])
