local function main()
  print("set ADMIN:", env.set("ADMIN", "mine"))
  local ok, err = env.set("FOO", "x\nADMIN=mine")
  print("set FOO with a line break:", ok, err and err:kind(), tostring(err))
  print("set FOO with a carriage return:", env.set("FOO", "x\rADMIN=mine"))
  return 0
end

return { main = main }
