local function main()
  local cyc = {}
  cyc.self = cyc
  local r = assert(funcs.call("app:shape", cyc, coroutine.create(print)))
  print("cyclic and thread:", r.a, r.b == "nil" and nil or r.b, r.cyclic)
  r = assert(funcs.call("app:shape", channel.new(1), process.pid()))
  print("channel and pid:", r.a == "nil" and nil or r.a, r.b)
  local deep = {}
  local t = deep
  for _ = 1, 200000 do
    t.next = {}
    t = t.next
  end
  print("deep:", pcall(funcs.call, "app:shape", deep))
  print("calls still work:", funcs.call("app:shape", 1) ~= nil)
  return 0
end

return { main = main }
