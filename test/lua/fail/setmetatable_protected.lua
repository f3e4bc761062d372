local t = setmetatable({}, { __metatable = "no" })
setmetatable(t, {})
