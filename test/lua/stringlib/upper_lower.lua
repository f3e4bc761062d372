print(string.upper("abcXYZ123_"), string.lower("ABCxyz123_"))
print(("MiXeD"):lower(), ("MiXeD"):upper())
print(string.len(""), string.len("\0\0"))
