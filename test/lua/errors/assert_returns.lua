local function checked(v) return assert(v, "no value") end
print(checked(5), checked("s"), checked(false == false))
print(pcall(checked, nil))
print(pcall(checked, false))
local a, b, c = assert(1, 2, 3)
print(a, b, c)
