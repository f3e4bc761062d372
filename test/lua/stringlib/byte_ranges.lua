local s = "abcdef"
print(s:byte(2, 4))
print(s:byte(-3, -1))
print(s:byte(4, 2))
print(s:byte(0))
print(s:byte(-100, 2))
print(s:byte(5, 100))
print(select('#', s:byte(1, 0)))
