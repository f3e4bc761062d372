local t = {}
print(t.__proto__, t.constructor, t.toString, t.hasOwnProperty, t.valueOf, t.prototype, t.length)
t.__proto__ = "p"
t.constructor = "c"
t.toString = "ts"
t.valueOf = "vo"
t.hasOwnProperty = "hop"
t.length = 99
t.prototype = "pr"
t.__defineGetter__ = "dg"
t["__lookupGetter__"] = "lg"
print(t.__proto__, t.constructor, t.toString, t.valueOf, t.hasOwnProperty, t.length, t.prototype)
print(t.__defineGetter__, t.__lookupGetter__, #t)
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
table.sort(keys)
print(#keys, table.concat(keys, " "))
t.__proto__ = nil
print(t.__proto__, rawget(t, "__proto__"))
