-- Each install would make every other process call `hook` (with its own pid and rights) when it uses such a value.
local function hook()
  print("HOOKED in " .. process.pid())
end

-- the metatable of `v` and the table of its methods
local function targets(v)
  local mt = getmetatable(v)
  return mt, rawget(mt, "__index")
end

local function try(what, v)
  if getmetatable(v) == nil then return print(what, "no metatable") end
  local mt, methods = targets(v)
  local ok1, e1 = pcall(function() methods.hooked = hook end)
  local ok2, e2 = pcall(function() rawset(mt, "__index", hook) end)
  local ok3, e3 = pcall(function() setmetatable(methods, { __index = hook }) end)
  print(what, ok1 or e1, ok2 or e2, ok3 or e3)
end

local function main()
  local ch = channel.new(1)
  try("channel", ch)
  try("select case", ch:case_receive())
  try("spawner", process.with_options({}))
  process.send(process.pid(), "t", 1)
  local msg = process.inbox():receive()
  try("message", msg)
  try("payload", msg:payload())
  local timer = time.timer("1h")
  try("timer", timer)
  timer:stop()
  try("error", errors.new("x"))
  try("time", time.now())
  try("duration", time.parse_duration("1s"))
  try("location", time.utc)
  try("actor", security.new_actor("a", {}))
  try("scope", security.new_scope())
end

return { main = main }
