local function main()
  local filler = string.rep("x", 100)
  local i = 0
  while true do
    i = i + 1
    events.send("flood", "k", "/p", { i = i, s = filler })
  end
end

return { main = main }
