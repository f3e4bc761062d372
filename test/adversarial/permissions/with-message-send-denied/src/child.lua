local function main()
  print("CHILD SPAWNED")
  print("CHILD GOT:", process.inbox():receive():payload():data())
  return 0
end
return { main = main }
