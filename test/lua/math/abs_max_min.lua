print(math.abs(-5), math.abs(5), math.abs(-2.5) == 2.5)
print(math.max(1, 5, 3), math.min(1, 5, 3), math.max(-1), math.min(2, 2))
print(math.max(1.5, 2), math.min(-1, -1.5) == -1.5)
print((pcall(math.max)))
