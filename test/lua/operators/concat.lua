print("a" .. "b" .. "c")
print(1 .. "", 1 .. 2, -1 .. "x")
print(1.5 .. "" == "1.5", 10 / 2 .. "")
print("x" .. 3 .. "y")
local parts = {}
for i = 1, 5 do parts[#parts + 1] = i .. ":" .. i * i end
print(table.concat(parts, " "))
print((pcall(function() return "a" .. nil end)))
print((pcall(function() return "a" .. {} end)))
print((pcall(function() return "a" .. true end)))
local s = ""
for i = 1, 100 do s = s .. "ab" end
print(#s)
