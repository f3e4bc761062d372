for i = 1, 3 do print(i) end
local t = { 1, 2 }
for i = 1, 3 do print(t[i] * 2) end
