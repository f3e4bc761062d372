local t = {}
t[0] = "zero"
local nz = -0
print(t[nz], t[0.0], t[-0.0])
t[-0.0] = "neg zero"
print(t[0])
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n)
