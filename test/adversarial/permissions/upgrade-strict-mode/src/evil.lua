local function main()
  print("EVIL CODE RAN")
  return 0
end
return { main = main }
