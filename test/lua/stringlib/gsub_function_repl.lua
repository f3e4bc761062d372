print(string.gsub("hello world", "%w+", function(w) return w:upper() end))
print(string.gsub("1 2 3", "%d", function(d) return d * 2 end))
print(string.gsub("a b c", "%w", function(c) if c == "b" then return nil end return c .. c end))
print(string.gsub("a b c", "%w", function(c) return false end))
print(string.gsub("k1=v1, k2=v2", "(%w+)=(%w+)", function(k, v) return v .. "=" .. k end))
local count = 0
string.gsub("aaa", "a", function() count = count + 1 end)
print(count)
print(string.gsub("abc", "()", function(p) return p end))
