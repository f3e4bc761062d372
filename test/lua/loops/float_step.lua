local n = 0
for i = 0, 1, 0.1 do n = n + 1 end
print("0..1 by 0.1:", n)
n = 0
for i = 1, 0, -0.25 do n = n + 1 print(string.format("%.2f", i)) end
print(n)
for i = 1.5, 4 do print(string.format("%.1f", i)) end
n = 0
for i = 0, 0.3, 0.1 do n = n + 1 end
print("0..0.3 by 0.1:", n)
local last
for i = 0, 2, 0.7 do last = i end
print(string.format("%.17g", last))
for i = 1, 2.5 do print(i) end
