print(("abc"):reverse(), (""):reverse(), ("a"):reverse())
print(("Hello, World!"):lower(), ("Hello, World!"):upper())
local s = "racecar"
print(s == s:reverse())
