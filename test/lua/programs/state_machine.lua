local transitions = {
  idle = { start = "running" },
  running = { pause = "paused", stop = "idle", finish = "done" },
  paused = { resume = "running", stop = "idle" },
}
local function run(events)
  local state, trace = "idle", { "idle" }
  for _, ev in ipairs(events) do
    local nextState = transitions[state] and transitions[state][ev]
    if nextState then state = nextState else trace[#trace + 1] = "!" .. ev end
    trace[#trace + 1] = state
  end
  return table.concat(trace, ">")
end
print(run({ "start", "pause", "resume", "finish" }))
print(run({ "pause", "start", "stop", "start", "bogus", "finish", "start" }))
