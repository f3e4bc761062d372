local s = "\a\b\f\n\r\t\v\\\"\'"
print(#s)
print(s:byte(1, -1))
print(("\1\2\3"):byte(1, -1))
print(("\49\50\51"))
print("\0651")
print(#"\
")
