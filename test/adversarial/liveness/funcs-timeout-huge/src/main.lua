local function main()
  for _, timeout in ipairs({ 1e308, 2 ^ 31, "720h" }) do
    print("timeout " .. tostring(timeout) .. ":", funcs.new():with_options({ timeout = timeout }):call("app:slow"))
  end
  local long, short = time.after("100000h"), time.after("50ms")
  local r = channel.select({ long:case_receive(), short:case_receive() })
  print("50 ms came first:", r.channel == short)
  return 0
end

return { main = main }
