-- locals, parameters, globals and fields named like a compiler's runtime helpers must not capture them
local R, LuaTable, ARR, MT, TAIL, BUDGET = "R", "LuaTable", "ARR", "MT", "TAIL", "BUDGET"
local index, setindex, gget, tset, setlist, tableFromArray = 1, 2, 3, 4, 5, 6
local callx, callxY, bounce, bounceY, tail, mkY, preemptY = 7, 8, 9, 10, 11, 12, 13
local arith, mod, idiv, band, bor, bxor, shl, shr, bnot, unm, len, concat = 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25
local eqmeta, lt, le, fornum, collect, ret1, ret2, ret3, retN = 26, 27, 28, 29, 30, 31, 32, 33, 34
local rt, main, va, abi, chunkName, exports = 35, 36, 37, 38, 39, 40
local t = { x = { y = 1 } }
local function work(R, index, call, concat, len)
  local s = 0
  for i = 1, 3 do s = s + t.x.y * i end
  local mt = setmetatable({}, { __index = function(_, k) return k .. "!" end, __add = function() return 100 end })
  local parts = { R, index, concat, len, mt.key, mt + 1, #"abc", "a" .. "b", -s, s % 4, s > 2, s <= 2 }
  for i = 1, #parts do parts[i] = tostring(parts[i]) end
  return table.concat(parts, ",")
end
print(work("r", "i", "c", "cc", "l"))
print(R, LuaTable, ARR, MT, TAIL, BUDGET, index, setindex, gget, tset, setlist, tableFromArray)
print(callx, callxY, bounce, bounceY, tail, mkY, preemptY, arith, mod, idiv, band, bor, bxor, shl, shr, bnot)
print(unm, len, concat, eqmeta, lt, le, fornum, collect, ret1, ret2, ret3, retN, rt, main, va, abi, chunkName, exports)
local function tailcaller(n, acc) if n == 0 then return acc end return tailcaller(n - 1, acc + 1) end
print(tailcaller(100000, 0))
local co = coroutine.wrap(function(R) local x = coroutine.yield(R .. 1) return x .. R end)
print(co("r"), co("y"))
