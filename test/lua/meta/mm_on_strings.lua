local s = "hello"
print(s:len(), s:upper(), s:sub(2, 3), s:find("l"))
print(("%d+%d"):format(1, 2))
print(#s, s.len == string.len, s.upper == string.upper)
local n = 5
print((pcall(function() return n:foo() end)))
