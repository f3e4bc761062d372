-- Strings past what one JS string can hold: JS's RangeError reached Lua as "internal error", and string.rep with
-- 2^31 or 1/0 copies (lua5.1's 32-bit wrap-around) gave "".
local s = string.rep("x", 2^27)
print(pcall(function() return s .. s .. s .. s .. s end))
print(pcall(table.concat, {s, s, s, s, s}))
print(pcall(string.rep, "x", 2^31))
print(pcall(string.rep, "x", 1/0))
