local function three() return 1, 2, 3 end
local function pass(...) return ... end
print(pass(1, 2, 3))
print(pass())
print((pass(1, 2, 3)))
local function mid(...) return ..., "end" end
print(mid(1, 2, 3))
local function pack(...) return { ... } end
local t = pack(three())
print(#t, t[1], t[3])
local u = { pass(4, 5), pass(6, 7) }
print(#u, u[1], u[2], u[3])
local function last(...) local a, b = ... return a, b end
print(last(9))
print(last(9, 8, 7))
