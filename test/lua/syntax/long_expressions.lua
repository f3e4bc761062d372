local x = ((((((((((1 + 2) * 3) - 4) / 5) + 6) * 7) - 8) / 9) + 10) * 11)
print(string.format("%.6f", x))
local s = 0
s = s + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19 + 20
print(s)
local b = true and true and (false or true) and not false and (1 < 2) and ("a" < "b")
print(b)
local c = "a" .. "b" .. "c" .. "d" .. "e" .. "f" .. "g" .. "h" .. "i" .. "j" .. 1 .. 2 .. 3
print(c)
