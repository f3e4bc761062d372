-- Method calls on strings (the compiler reads the string metatable's __index table inline): library methods,
-- literal and computed receivers, missing methods and non-string receivers (a replaced __index: test/perf/).
local s = "Hello, World"
print(s:upper(), s:lower(), s:len(), s:sub(1, 5), s:byte(1), s:rep(2, "-") == s:rep(2))
print(("abc"):upper(), ("x"):rep(3), (s .. "!"):len())
local words = {}
for w in s:gmatch("%a+") do words[#words + 1] = w:lower() end
print(table.concat(words, "|"))
print(s:find("World"), s:match("(%a+), (%a+)"))
print(s:gsub("o", "0"))
print(string.format("%5s|%-5s|", ("ab"):upper(), ("cd"):rep(2)))

print("missing", (pcall(function() return s:nosuchmethod() end)))
print("number", (pcall(function() local n = 5; return n:rep(2) end)))
print("nil", (pcall(function() local v; return v:upper() end)))
print("bool", (pcall(function() local b = true; return b:upper() end)))

-- a table receiver with a field of the same name as a string method
local t = { upper = function(self) return "table upper" end }
print(t:upper())

-- the same call site sees a string, then a table, then a string again
local function describe(v) return v:upper() end
print(describe("mixed"), describe(t), describe("again"))

