-- Monitors the child main tells it about, then reports what the child's exit value holds once main has changed
-- its own copy.
local function main()
  local inbox = process.inbox()
  local w = inbox:receive():payload():data()
  process.monitor(w.child)
  process.send(w.main, "ready", 1)
  local ev = process.events():receive()
  inbox:receive() -- "check": main has written into its copy by now
  process.send(w.main, "seen", ev.result.value.n)
end

return { main = main }
