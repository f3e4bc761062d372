-- yield in the middle of expressions, constructors, arguments and conditions
local co = coroutine.wrap(function()
  local x = 1 + coroutine.yield("a")
  local t = { coroutine.yield("b"), coroutine.yield("c") }
  local s = "<" .. coroutine.yield("d") .. ">"
  local b = coroutine.yield("e") and "truthy" or "falsy"
  local n = 0
  repeat n = n + 1 until coroutine.yield("f" .. n)
  return x, t[1], t[2], s, b, n
end)
print(co())
print(co(10))
print(co("t1"))
print(co("t2"))
print(co("mid"))
print(co(false))
print(co(false))
print(co(true))
