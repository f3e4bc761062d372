local vars = { name = "World", greeting = "Hello", n = 3 }
print(string.gsub("$greeting, $name! $missing $n", "%$(%w+)", vars))
print(string.gsub("a b c", "%w", { a = "1", b = false }))
print(string.gsub("x=1", "(%w)=(%w)", { x = "X" }))
