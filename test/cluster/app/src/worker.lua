-- A pool worker: a "job" {id, n} is answered with "done" {id, sum of 1..n, the worker's node}, after a short wait
-- (so that jobs are in flight when a node is killed).
local function main(node)
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    local job = m:payload():data()
    time.sleep("5ms")
    local s = 0
    for i = 1, job.n do s = s + i end
    process.send(m:from(), "done", { id = job.id, sum = s, node = node })
  end
end

return { main = main }
