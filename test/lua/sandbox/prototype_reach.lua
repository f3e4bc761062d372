local t = {}
print(t.constructor, t.__proto__, t.toString, t.valueOf, t.hasOwnProperty, t.isPrototypeOf)
print(("abc").length, ("abc").constructor, ("abc").toString, ("abc").__proto__)
print(string.constructor, string.__proto__, math.constructor, table.prototype)
print(_G.constructor, _G.__proto__, _G.globalThis, _G.require == require)
local f = function() end
print(pcall(function() return f.constructor end) == false)
print(pcall(function() return (1).constructor end) == false)
print(pcall(function() return (true).__proto__ end) == false)
