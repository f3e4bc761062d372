print(("ab"):rep(3), ("ab"):rep(1), ("ab"):rep(0) == "", ("ab"):rep(-1) == "")
local s = "abcdef"
print(s:sub(2, -2), s:sub(-3, -2), s:sub(0, 0) == "", s:sub(7, 10) == "")
print(s:sub(3.0, 4.0))
print(string.sub(s, 2))
print(("x"):rep(1000):len())
