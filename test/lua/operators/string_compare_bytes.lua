local words = { "banana", "Apple", "apple", "_under", "123", "", "a", "ab", "\200high", "zz", "Z" }
table.sort(words)
for i, w in ipairs(words) do words[i] = "[" .. w .. "]" end
print(table.concat(words, " "))
print("a" < "B", "A" < "b", "abc" > "ab", "\0" < "\1", "\127" < "\128")
