local t = {}
print(#t)
t[1] = 1
print(#t)
t[2] = 2
t[3] = 3
print(#t)
t[3] = nil
print(#t)
table.insert(t, "x")
print(#t, t[3])
t[#t] = nil
t[#t] = nil
print(#t)
