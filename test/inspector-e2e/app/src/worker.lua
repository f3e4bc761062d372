-- Takes one job and fails it: its error and traceback are what the inspector's exit list shows.
local function run_job(n)
  error("job " .. tostring(n) .. " failed: disk full")
end

local function main()
  local msg = process.inbox():receive()
  run_job(msg:payload():data())
end

return { main = main }
