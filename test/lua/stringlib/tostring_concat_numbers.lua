print("n=" .. 5, 5 .. "=n", 1.25 * 4 .. "")
print(("%d"):rep(2):format(1, 2))
print(#(12 .. 34))
