local flag = true
print(flag + 1)
