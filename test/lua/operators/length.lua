print(#"", #"abc", #"a b c")
print(#{}, #{1}, #{1, 2, 3}, #{n = 1})
local t = {}
for i = 1, 100 do t[i] = i end
print(#t)
t[#t] = nil
print(#t)
t[#t + 1] = "x"
print(#t, t[100])
local s = "hello"
print(#s .. "!", -#s)
print((pcall(function() return #nil end)))
print((pcall(function() return #5 end)))
