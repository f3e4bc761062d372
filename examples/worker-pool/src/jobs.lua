-- Shared by the coordinator and the workers (a library.lua: it runs once per process, `require("jobs")` returns it).
local jobs = {}

-- The work itself: slow enough to overlap between workers.
function jobs.run(job)
  time.sleep("10ms")
  -- every fourth job is "poisoned" the first time it is tried: the worker crashes on it
  if job.n % 4 == 0 and job.attempt == 1 then
    error("poisoned job " .. job.n)
  end
  return job.n * job.n
end

function jobs.new(n)
  return { n = n, attempt = 1 }
end

return jobs
