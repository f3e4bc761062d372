-- Runs on a node that survives: told a pid on another node, it monitors it ("monitor") or links to it with
-- trap_links ("link"), and reports the event it gets to `report`.
local function main(report, how)
  process.set_options({ trap_links = true })
  local m = process.inbox():receive()
  local target = m:payload():data()
  if how == "monitor" then process.monitor(target) else process.link(target) end
  process.send(report, "watching", how)
  local ev = process.events():receive()
  local err = ev.result and ev.result.error or ev.error
  process.send(report, "watched", { how = how, kind = ev.kind, from = ev.from == target, error = tostring(err) })
end

return { main = main }
