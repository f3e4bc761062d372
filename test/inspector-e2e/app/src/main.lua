-- Ping-pong with a linked, named "pong" every `interval` (default 50ms) until cancelled; two monitored workers, the
-- first of which is handed a job on round `job_round` (default 3) and fails it, the second idle.
local time = require("time")

local function main(job_round, interval)
  job_round = tonumber(job_round) or 3
  interval = interval or "50ms"
  process.with_options({}):with_name("pong"):spawn_linked("app:pong", "app:processes")
  local worker = process.spawn_monitored("app:worker", "app:processes")
  process.spawn_monitored("app:worker", "app:processes")
  local inbox = process.inbox()
  local events = process.events()
  local round = 0
  while true do
    round = round + 1
    process.send("pong", "ping", round)
    if round == job_round then process.send(worker, "job", round) end
    local r = channel.select({ inbox:case_receive(), events:case_receive() })
    if r.channel == events and r.value.kind == process.event.CANCEL then return end
    time.sleep(interval)
  end
end

return { main = main }
