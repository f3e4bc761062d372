-- what a call gives: raised or not, then its first values
local function try(name, f, ...)
  local r = {pcall(f, ...)}
  local out = {}
  for i = 1, 4 do out[#out + 1] = tostring(r[i]) end
  print(name, table.concat(out, " | "))
end

local function main()
  try("max_procs str", system.runtime.max_procs, "abc")
  try("max_procs nan", system.runtime.max_procs, 0/0)
  try("max_procs huge", system.runtime.max_procs, 1e300)
  try("set_percent tbl", system.gc.set_percent, {})
  try("set_percent nan", system.gc.set_percent, 0/0)
  try("set_limit str", system.memory.set_limit, "x")
  try("hosts.processes nil", system.hosts.processes, nil)
  try("hosts.processes num", function() return type(system.hosts.processes(5)) end)
  try("supervisor nil", system.supervisor.state, nil)
  try("supervisor tbl", system.supervisor.state, {})
  try("env.get nil", env.get, nil)
  try("env.get tbl", env.get, {})
  try("env.set nil val", env.set, "X", nil)
  try("env.set tbl val", env.set, "X", {})
  try("events.subscribe tbl", events.subscribe, {})
  try("events.subscribe kind tbl", events.subscribe, "x", {})
  try("events.send nil", events.send, nil)
  try("store.get nil", store.get, nil)
  try("store.get num", store.get, 5)
  try("registry.get nil", registry.get, nil)
  try("registry.find nil", registry.find, nil)
  try("registry.find str", registry.find, "x")
  try("registry.snapshot_at str", registry.snapshot_at, "x")
  try("registry.snapshot_at nan", registry.snapshot_at, 0/0)
  try("registry.snapshot_at inf", registry.snapshot_at, 1/0)
  try("registry.apply_version nil", registry.apply_version, nil)
  try("registry.parse_id nil", registry.parse_id, nil)
  try("funcs.call nil", funcs.call, nil)
  try("funcs.async tbl", funcs.async, {})
  try("funcs.new():with_context nil", funcs.new().with_context, funcs.new(), nil)
  try("logger:with nil", logger.with, logger, nil)
  try("logger:named tbl", logger.named, logger, {})
  try("logger:info nil msg", logger.info, logger, nil)
  try("logger:info tbl msg", logger.info, logger, {})
  try("system.exit str", system.exit, "abc")
  try("get_percent after NaN", system.gc.get_percent)
  return 0
end

return { main = main }
