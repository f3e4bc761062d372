-- with no captures, %1 in the replacement means the whole match
print(("hello world"):gsub("o", "[%1]"))
print(("abc"):gsub("%w", "%1%1"))
print(("x=1"):gsub("%d", "<%0>"))
print(("abc"):match("b", -2), ("abc"):match("b", -1), ("abc"):match("^a", -3))
