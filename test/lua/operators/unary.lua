local a = 5
print(-a, - -a, -(-a))
print(not a, not not a)
print(-"2", -"-3" , - "0x10")
local t = {1, 2}
print(#t, -#t)
print((pcall(function() return -{} end)))
print((pcall(function() return -"abc" end)))
