print(table.maxn({}), table.maxn({ 1, 2, 3 }), table.maxn({ [10] = 1, [2] = 2 }))
print(table.maxn({ [1.5] = 1, [3] = 1 }) == 3)
