-- a metatable on _G must apply to global reads and writes (strict-mode pattern)
local declared = {}
setmetatable(_G, {
  __newindex = function(t, k, v) declared[k] = true rawset(t, k, v) end,
  __index = function(_, k) error("undeclared global '" .. k .. "'", 2) end,
})
newGlobal = 1
print(newGlobal, declared.newGlobal)
print(pcall(function() return missingGlobal end))
local ok = pcall(function() return alsoMissing + 1 end)
print(ok)
print(rawget(_G, "missingGlobal"))
setmetatable(_G, nil)
print(missingGlobal)
