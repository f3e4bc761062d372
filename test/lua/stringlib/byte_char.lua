print(string.byte("A"), string.byte("ABC", 2), string.byte("ABC", -1))
print(string.byte("ABC", 1, -1))
print(string.byte("ABC", 10), select('#', string.byte("ABC", 10)))
print(string.byte(""))
print(string.char(), string.char(72, 105))
local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local all = table.concat(t)
print(#all, all:byte(1), all:byte(256))
print((pcall(string.char, 256)))
