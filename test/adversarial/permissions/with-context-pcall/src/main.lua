local function main()
  local ok, err = pcall(process.with_context, { role = "admin" })
  print("with_context:", ok, err)
  ok, err = pcall(process.with_options, {})
  print("with_options:", ok, err)
  return 0
end
return { main = main }
