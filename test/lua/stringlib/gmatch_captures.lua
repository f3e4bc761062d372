local s = "name=John; age=30; city=New York"
for k, v in s:gmatch("(%w+)=([^;]+)") do print(k, "[" .. v .. "]") end
for a, b in ("ab cd ef"):gmatch("(%a)(%a)") do print(b .. a) end
local pos = {}
for p, w in ("one two three"):gmatch("()(%a+)") do pos[#pos + 1] = p .. ":" .. w end
print(table.concat(pos, " "))
local it = ("1,2,3"):gmatch("%d")
print(it(), it(), it(), it())
