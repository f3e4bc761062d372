local t = {}
local f = function() end
local k = {}
t[true] = "bool"
t[f] = "func"
t[k] = "table"
t[1] = "one"
t["1"] = "string one"
print(t[true], t[f], t[k], t[1], t["1"], t[false], t[{}])
t[true] = nil
print(t[true])
print((pcall(function() t[nil] = 1 end)), t[nil])
