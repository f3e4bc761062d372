-- comparisons that look like generics, strings that look like types
local a, b, c = 1, 2, 3
local function check(x, y) return x < y end
print(a < b, b > c, a < b and b < c, check(a, b) == (c > b))
local s = "local x: number = y as T -- not a type"
local l = [[type X = {a: number}]]
print(s, l, #s)
