local n = select('#', ...)
print("main chunk varargs:", n)
local a = ...
print(a)
local t = { ... }
print(#t)
