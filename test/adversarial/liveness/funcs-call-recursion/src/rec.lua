local function run(n)
  local r, err = funcs.call("app:rec", n + 1)
  if err then return nil, err end
  return r
end

return { run = run }
