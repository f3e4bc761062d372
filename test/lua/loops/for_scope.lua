local i = "outer"
for i = 1, 2 do end
print(i)
for i = 1, 2 do local i = i * 100 print(i) end
for _, i in ipairs({"x"}) do print(i) end
print(i)
