local function main()
  local subs, err = {}, nil
  for i = 1, 200000 do
    local s, e = events.subscribe("leak." .. i)
    if not s then
      err = e
      break
    end
    subs[i] = s
  end
  print("subscribed:", #subs, err and err:kind(), tostring(err))
  local t = os.clock()
  for i = 1, 2000 do events.send("other", "k", "/p", i) end
  print("sends stay cheap:", os.clock() - t < 1)
  subs[1]:close()
  print("a closed one frees a place:", events.subscribe("again") ~= nil, events.subscribe("again.2"))
  return 0
end

return { main = main }
