local function main(parent, which)
  if which == "async" then
    for _ = 1, 20000 do assert(funcs.async("app:sleep")) end
    assert(funcs.async("app:spin"))
    process.send(parent, "ready", true)
    process.inbox():receive()
  else
    process.send(parent, "ready", true)
    funcs.call("app:" .. which)
  end
end

return { main = main }
