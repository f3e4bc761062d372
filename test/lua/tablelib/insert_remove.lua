local t = {}
table.insert(t, "a")
table.insert(t, "c")
table.insert(t, 2, "b")
table.insert(t, 1, "z")
print(#t, table.concat(t, ","))
print(table.remove(t), #t, table.concat(t, ","))
print(table.remove(t, 1), #t, table.concat(t, ","))
print(table.remove(t, 2), table.concat(t, ","))
local e = {}
print(table.remove(e), #e)
table.insert(t, #t + 1, "end")
print(table.concat(t, ","))
