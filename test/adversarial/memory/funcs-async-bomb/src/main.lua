local function main()
  local r, err = funcs.call("app:bomb")
  print("bomb:", r, err and err:kind(), tostring(err))
  print("calls still work:", funcs.call("app:answer"))
  return 0
end

return { main = main }
