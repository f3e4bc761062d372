local calls = {}
local function f(name, v) calls[#calls + 1] = name return v end
print(f("a", false) and f("b", true))
print(f("c", nil) or f("d", "x"))
print(f("e", 1) or f("f", 2))
print(f("g", 1) and f("h", false) or f("i", "z"))
print(table.concat(calls, ","))
print(nil and nil, false or false, 0 and "zero is truthy")
print(not 0, not "", not nil, not false)
local x = nil
local y = x and x.field or "default"
print(y)
