for i = 1, 3 do print(i) end
for i = 3, 1, -1 do print(i) end
for i = 1, 0 do print("never") end
for i = 0, 10, 3 do print(i) end
for i = 10, 1, -4 do print(i) end
for i = -3, -1 do print(i) end
for i = 1, 1 do print("once", i) end
