print(math.floor(3.7), math.floor(-3.7), math.floor(3), math.floor(-0.5) == -1)
print(math.ceil(3.2), math.ceil(-3.2), math.ceil(3), math.ceil(-0.5) == 0)
print(math.floor(2 ^ 40 + 0.5), math.ceil(1e10 - 0.5))
