local function main()
  print("register:", process.registry.register("svc"))
  local ok, err = pcall(function()
    return process.with_context({}):with_name("svc"):spawn("app:decoy", "app:processes")
  end)
  print("with_name spawn raised:", not ok, tostring(err):match("not allowed to register name: svc$") ~= nil)
  return 0
end
return { main = main }
