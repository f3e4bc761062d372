local fs = {}
for i = 1, 3 do fs[i] = function() end end
print(fs[1] == fs[2], fs[1] == fs[1])
local function mk() return function() end end
print(mk() == mk())
local set = {}
for _, f in ipairs(fs) do set[f] = true end
local n = 0
for _ in pairs(set) do n = n + 1 end
print(n)
