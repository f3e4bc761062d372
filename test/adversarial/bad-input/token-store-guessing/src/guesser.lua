local function main(token)
  local actor, scope, err = security.token_store("app:signed"):validate(token)
  print("denied validate:", actor, scope, err and err:kind(), tostring(err))
  return 0
end

return { main = main }
