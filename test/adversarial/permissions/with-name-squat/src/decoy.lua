local function main()
  print("DECOY HOLDS svc")
  process.inbox():receive()
  return 0
end
return { main = main }
