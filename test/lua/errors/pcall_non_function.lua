print((pcall(42)))
print((pcall(nil)))
print((pcall({})))
print(pcall(setmetatable({}, { __call = function(_, x) return "called", x end }), "arg"))
