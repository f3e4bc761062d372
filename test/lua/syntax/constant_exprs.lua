-- expressions on literals (a compiler may fold them) must behave like the same operations at run time
print(0 / 0 == 0 / 0, 0 / 0 ~= 0 / 0, 1 / 0 > 1e308, -1 / 0 < -1e308)
print(2 ^ 10, 2 ^ -1 == 0.5, 7 % 3, -7 % 3, 7 % -3, 5.5 % 2 == 1.5)
print(10 / 4 == 2.5, 1 / 3 * 3 == 1, 0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75)
print("10" + 1, "3" * "4", - "2", 10 .. "", "a" .. 1 .. 2)
print(not nil, not 0, nil == false, 1 == 1.0, "1" == 1)
print(#"abc", #"", -(-3), - - 3)
print(1 < 2, "a" < "b", 2 <= 2, "b" >= "a")
print(1 and 2, nil or "d", false and error("never"), true or error("never"))
local one = 1
print(0 / 0 == 0 / 0 and "folded nan equal" or "nan unequal", one / 0 > 1e308)
print((pcall(function() return 1 + {} end)), (pcall(function() return "x" + 1 end)))
print(math.floor(7 / 2), math.floor(-7 / 2), 2 ^ 31 + 2 ^ 31)
