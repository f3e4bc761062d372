-- A plain-Lua structured logger, the reference side of bench/modules/run.mjs: one JSON line per record (time, level,
-- logger name, message, fields) written to stderr, as a Lua app without a native logger module would log.
local json = ...
local stderr, date, clock = io.stderr, os.date, os.clock

local function logger_with(name, base)
  local self = {}
  local function emit(level, msg, fields)
    local rec = { ts = date('!%Y-%m-%dT%H:%M:%SZ'), level = level, logger = name, msg = msg }
    for k, v in pairs(base) do rec[k] = v end
    if fields then for k, v in pairs(fields) do rec[k] = v end end
    stderr:write(json.encode(rec), '\n')
  end
  function self:info(msg, fields) emit('info', msg, fields) end
  function self:debug(msg, fields) end -- below the threshold: dropped, as the moonforge side runs at level info
  function self:warn(msg, fields) emit('warn', msg, fields) end
  function self:error(msg, fields) emit('error', msg, fields) end
  return self
end

return logger_with('', {})
