local function main()
  local big = {}
  for i = 1, 100000 do big[i] = i end
  events.send("amp", "k", "/p", big)
  return 0
end

return { main = main }
