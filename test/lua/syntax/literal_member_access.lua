-- indexing or calling methods on literals: numbers and booleans fail, strings use the string library
print((pcall(function() return (1).x end)))
print((pcall(function() return (1.5).x end)))
print((pcall(function() return (0x10).x end)))
print((pcall(function() return (1):foo() end)))
print((pcall(function() return (true).x end)))
print((pcall(function() return (nil).x end)))
print(("abc"):len(), ("abc").len == nil, ("%d"):rep(2), ([[long]]):upper())
print(#("x"):rep(3), ({ 1, 2, 3 })[2], ({ n = "v" }).n, (function() return "iife" end)())
