-- a future's channel yields a Payload of the result, or the call's error value
local function outcome(f)
  local v = f:response():receive()
  if getmetatable(v) ~= nil and v.data ~= nil then return nil end
  return v
end

local function run()
  local a = funcs.async("app:bomb")
  local b = funcs.async("app:bomb")
  local ea, eb = outcome(a), outcome(b)
  if ea or eb then return nil, ea or eb end
  return 1
end

return { run = run }
