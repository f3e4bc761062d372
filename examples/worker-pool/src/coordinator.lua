-- Hands `count` jobs to `size` workers and restarts the workers that crash, resending their job.
local jobs = require("jobs")

local function main(count, size)
  count = tonumber(count) or 8
  size = tonumber(size) or 3
  local busy = {}      -- pid -> job it works on
  local idle = {}      -- pids waiting for work
  local index = {}     -- pid -> worker number
  local queue = {}
  for n = 1, count do queue[#queue + 1] = jobs.new(n) end
  local results, done, restarts = {}, 0, 0

  local function start_worker(i)
    local pid, err = process.spawn_monitored("app:worker", "app:processes", i)
    assert(pid, err)
    index[pid] = i
    idle[#idle + 1] = pid
  end
  local function dispatch()
    while #idle > 0 and #queue > 0 do
      local pid = table.remove(idle, 1)
      local job = table.remove(queue, 1)
      busy[pid] = job
      process.send(pid, "job", job)
    end
  end

  for i = 1, size do start_worker(i) end
  dispatch()
  local inbox, events = process.inbox(), process.events()
  while done < count do
    local r = channel.select({ inbox:case_receive(), events:case_receive() })
    if r.channel == inbox then
      local res = r.value:payload():data()
      local pid = r.value:from()
      results[res.n] = res.value
      done = done + 1
      busy[pid] = nil
      idle[#idle + 1] = pid
    elseif r.value.kind == process.event.EXIT then
      local pid = r.value.from
      local job = busy[pid]
      busy[pid] = nil
      if r.value.result.error then
        restarts = restarts + 1
        print(string.format("worker %d crashed (%s); restarting it", index[pid], tostring(r.value.result.error)))
        if job then
          job.attempt = job.attempt + 1
          table.insert(queue, 1, job)
        end
        start_worker(index[pid])
      end
    end
    dispatch()
  end

  local sum = 0
  for n = 1, count do sum = sum + results[n] end
  print(string.format("%d jobs done by %d workers, %d restarts, sum of squares %d", count, size, restarts, sum))
end

return { main = main }
