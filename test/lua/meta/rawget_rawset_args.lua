local t = {}
rawset(t, 1, "a")
rawset(t, "k", "v")
rawset(t, 2.0, "b")
print(rawget(t, 1), rawget(t, "k"), rawget(t, 2), #t)
print((pcall(rawset, t, nil, 1)))
print((pcall(rawget, "str", 1)))
print(rawequal(t, t), rawequal({}, {}), rawequal(nil, nil), rawequal(0, -0))
