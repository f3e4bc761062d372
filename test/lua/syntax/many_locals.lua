local a1, a2, a3, a4, a5, a6, a7, a8, a9, a10 = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
local b1, b2, b3, b4, b5, b6, b7, b8, b9, b10 = 11, 12, 13, 14, 15, 16, 17, 18, 19, 20
local c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 = 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
local d1, d2, d3, d4, d5, d6, d7, d8, d9, d10 = 31, 32, 33, 34, 35, 36, 37, 38, 39, 40
local e1, e2, e3, e4, e5, e6, e7, e8, e9, e10 = 41, 42, 43, 44, 45, 46, 47, 48, 49, 50
local function sumAll()
  return a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + b1 + b2 + b3 + b4 + b5 + b6 + b7 + b8 + b9 + b10
    + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + d1 + d2 + d3 + d4 + d5 + d6 + d7 + d8 + d9 + d10
    + e1 + e2 + e3 + e4 + e5 + e6 + e7 + e8 + e9 + e10
end
print(sumAll())
e10 = 0
print(sumAll())
