-- A worker: takes "job" messages from its inbox and answers the coordinator with "done".
local jobs = require("jobs")

local function main(index)
  local inbox = process.inbox()
  while true do
    local msg = inbox:receive()
    local job = msg:payload():data()
    local value = jobs.run(job)
    process.send(msg:from(), "done", { n = job.n, value = value, worker = index })
  end
end

return { main = main }
