local s
print(s:upper())
