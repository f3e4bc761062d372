local function main()
  for _ = 1, 5 do time.sleep("10ms") end
  print("worker ran to its end")
  return 0
end

return { main = main }
