local time = require("time")

local KINDS = { "coroutine", "iterator", "pcall", "nested-co", "select", "string-rep-loop", "recursion-pcall",
  "tostring-meta", "wrap-in-pcall-in-co" }

local function watch(kind)
  local pid = process.spawn_monitored("app:spin", "app:processes", kind)
  local worst, last = 0, time.now()
  for _ = 1, 10 do
    time.sleep("10ms")
    local now = time.now()
    local gap = now:sub(last):milliseconds()
    if gap > worst then worst = gap end
    last = now
  end
  local ok = process.terminate(pid)
  local ev = process.events():receive()
  -- a gap of 250 ms leaves room for a loaded CI machine; a spinner that never gives way holds it for seconds
  print(kind, worst < 250, ok, ev.kind == process.event.EXIT and ev.from == pid)
end

local function main()
  for _, kind in ipairs(KINDS) do watch(kind) end
  return 0
end
return { main = main }
