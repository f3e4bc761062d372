local a = {}
a.__proto__ = { polluted = true }
local b = {}
print(b.polluted, a.polluted)
a["__proto__"] = nil
local c = setmetatable({}, { __index = { __proto__ = "from meta" } })
print(c.__proto__, rawget(c, "__proto__"))
local keys = {}
for k, v in pairs({ __proto__ = 1, constructor = 2, prototype = 3 }) do keys[#keys + 1] = k .. "=" .. v end
table.sort(keys)
print(table.concat(keys, ","))
