local e = { code = 404, msg = "not found" }
local ok, got = pcall(function() error(e) end)
print(ok, got == e, got.code, got.msg)
local ok2, got2 = pcall(error, { 1, 2, 3 })
print(ok2, #got2)
local ok3, got3 = pcall(function() error(setmetatable({}, { __tostring = function() return "custom" end })) end)
print(ok3, tostring(got3))
local ok4, got4 = pcall(function() error({}, 2) end)
print(ok4, type(got4))
