local function main()
  print("must not run")
  return 0
end

return { main = main }
