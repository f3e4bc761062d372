print(1 and 2, nil and 2, false and 2, 1 or 2, nil or 2, false or nil)
print(nil or false, false or false, 0 or 1, "" or 1)
local function ternary(c, a, b) return c and a or b end
print(ternary(true, "yes", "no"), ternary(false, "yes", "no"), ternary(true, false, "fallback"))
local t = {}
t.x = t.x or 10
t.x = t.x or 20
print(t.x)
print((nil or {}).field, #(nil or "abc"))
