local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
local up, low = s:upper(), s:lower()
print(#up, #low)
local changed = 0
for i = 1, 256 do if up:byte(i) ~= s:byte(i) then changed = changed + 1 end end
print(changed)
print(up:sub(98, 123))
print(low:sub(66, 91))
