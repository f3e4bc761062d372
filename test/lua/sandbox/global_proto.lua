print(__proto__, constructor, toString, valueOf, hasOwnProperty)
__proto__ = "g"
print(__proto__, _G.__proto__)
constructor = nil
print(constructor)
local env = {}
for _, k in ipairs({ "__proto__", "constructor", "toString", "__defineSetter__" }) do env[#env + 1] = tostring(rawget(_G, k)) end
print(table.concat(env, " "))
