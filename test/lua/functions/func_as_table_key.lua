local handlers = {}
local function a() return "a" end
local function b() return "b" end
handlers[a] = "handler a"
handlers[b] = "handler b"
print(handlers[a], handlers[b], handlers[print])
handlers[print] = "print"
print(handlers[print])
