local function main()
  print("send:", process.send(process.pid(), "m", "secret"))
  local ok, err = pcall(function()
    return process.with_context({}):with_message("m", "secret"):spawn("app:child", "app:processes")
  end)
  print("with_message spawn raised:", not ok, tostring(err):match("not allowed to send: {[^}]*}$") ~= nil)
  return 0
end
return { main = main }
