local t = { 5, 2, 8, 1, 9, 3, 7, 4, 6, 10 }
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local s = { "banana", "apple", "Cherry", "date" }
table.sort(s)
print(table.concat(s, " "))
table.sort(s, function(a, b) return a:lower() < b:lower() end)
print(table.concat(s, " "))
local one = { 1 }
table.sort(one)
local empty = {}
table.sort(empty)
print(#one, #empty)
