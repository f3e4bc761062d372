local isEven, isOdd
function isEven(n) if n == 0 then return true end return isOdd(n - 1) end
function isOdd(n) if n == 0 then return false end return isEven(n - 1) end
print(isEven(10), isOdd(7), isEven(7))
local t = {}
function t.even(n) return n == 0 or t.odd(n - 1) end
function t.odd(n) return n ~= 0 and t.even(n - 1) end
print(t.even(20), t.odd(20))
