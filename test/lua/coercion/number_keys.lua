local t = {}
t[1] = "int"
t["1"] = "str"
t[1.5] = "float"
print(t[1], t["1"], t[1.5], t[3 / 2])
t[2 ^ 53] = "big"
print(t[2 ^ 53])
t[-1] = "neg"
t[0] = "zero"
print(t[-1], t[0], #t)
