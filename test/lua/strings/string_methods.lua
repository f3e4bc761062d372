local s = "Hello World"
print(s:len(), s:lower(), s:upper())
print(s:sub(1, 5), s:sub(-5), s:sub(7), s:sub(0), s:sub(100), s:sub(-100, 2))
print(s:sub(5, 3) == "", s:sub(3, 3))
print(s:byte(), s:byte(-1), s:byte(1, 3))
print(s:rep(2) == s .. s)
print(s:reverse())
print(("%s=%d"):format("x", 42))
local n = 42
print(("x"):rep(3) .. n)
