-- Node a's root. 1. ping-pong with an echo process on node b. 2. a pool of workers spread over nodes b and c,
-- supervised: a worker that ends abnormally is replaced on a node still up and its job sent again; node c is killed
-- (SIGKILL, by the test) mid-run, when main prints "KILL c". 3. watchers on node b of processes on node c: a monitor
-- and a trapped link, each reporting its event. Prints one line per check and "DONE" at the end.
local JOBS, PINGS = 120, 200

local function ping_pong()
  local echo = assert(process.spawn_monitored("app:echo", "b@app:workers"))
  local inbox = process.inbox()
  local t0 = time.now()
  for i = 1, PINGS do
    process.send(echo, "ping", { i = i, s = "x\255" })
    local m = inbox:receive()
    local d = m:payload():data()
    assert(m:topic() == "pong" and d.i == i and d.s == "x\255", "ping-pong out of order at " .. i)
  end
  print(string.format("ping-pong %d round trips with %s ok", PINGS, string.sub(echo, 1, 3)))
  process.terminate(echo)
  local ev = process.events():receive()
  assert(ev.kind == process.event.EXIT and ev.from == echo)
end

local function pool()
  local nodes = { "b", "c" }
  local down = {}
  local busy, idle, node_of = {}, {}, {}
  local queue = {}
  for id = 1, JOBS do queue[#queue + 1] = { id = id, n = 1000 + id } end
  local results, done, dup, replaced, sends_failed = {}, 0, 0, 0, 0
  local killed = false
  local next_node = 0

  local function start_worker()
    for _ = 1, #nodes do
      next_node = next_node % #nodes + 1
      local node = nodes[next_node]
      if not down[node] then
        local pid, err = process.spawn_monitored("app:worker", node .. "@app:workers", node)
        if pid then
          node_of[pid] = node
          idle[#idle + 1] = pid
          return pid
        end
        print("spawn on " .. node .. " refused: " .. tostring(err))
        down[node] = true
      end
    end
    error("no node left to run a worker")
  end

  -- watchers on b of a process on c
  local inbox, events = process.inbox(), process.events()
  local target = assert(process.spawn("app:echo", "c@app:workers"))
  for _, how in ipairs({ "monitor", "link" }) do
    local w = assert(process.spawn("app:watcher", "b@app:workers", process.pid(), how))
    process.send(w, "target", target)
    local m = inbox:receive()
    assert(m:topic() == "watching", m:topic())
  end

  for _ = 1, 6 do start_worker() end
  local watched = {}
  local function dispatch()
    while #idle > 0 and #queue > 0 do
      local pid = table.remove(idle, 1)
      local job = table.remove(queue, 1)
      local ok, err = process.send(pid, "job", job)
      if ok then
        busy[pid] = job
      else
        -- the node is known down: the send fails at once, the job goes back
        sends_failed = sends_failed + 1
        table.insert(queue, 1, job)
      end
    end
  end
  dispatch()
  while done < JOBS or #watched < 2 do
    local r = channel.select({ inbox:case_receive(), events:case_receive() })
    if r.channel == inbox then
      local m = r.value
      if m:topic() == "watched" then
        watched[#watched + 1] = m:payload():data()
      else
        local res = m:payload():data()
        if results[res.id] then dup = dup + 1 else
          results[res.id] = res
          done = done + 1
        end
        busy[m:from()] = nil
        idle[#idle + 1] = m:from()
        if done == 30 and not killed then
          killed = true
          print("KILL c")
        end
      end
    elseif r.value.kind == process.event.EXIT then
      local pid = r.value.from
      local err = r.value.result and r.value.result.error
      local job = busy[pid]
      busy[pid] = nil
      for i, p in ipairs(idle) do if p == pid then table.remove(idle, i) break end end
      if err and string.find(tostring(err), "node down", 1, true) then down[node_of[pid]] = true end
      if job then table.insert(queue, 1, job) end
      replaced = replaced + 1
      local after = start_worker()
      if replaced == 1 then
        print("worker on " .. node_of[pid] .. " lost: " .. tostring(err))
        -- a send to a pid of the node that is down fails with an error, it does not vanish
        local ok, serr = process.send(pid, "job", { id = 0, n = 1 })
        print("send to it: " .. tostring(ok) .. " " .. tostring(serr))
        print("replaced on " .. node_of[after])
      end
    end
    dispatch()
  end
  -- the pool's end: its workers are stopped (they would hold their node's shutdown until its grace runs out)
  for pid in pairs(node_of) do
    if not down[node_of[pid]] then process.terminate(pid) end
  end
  table.sort(watched, function(x, y) return x.how < y.how end)
  for _, w in ipairs(watched) do
    print(string.format("watcher on b (%s): %s from target=%s: %s", w.how, w.kind, tostring(w.from), w.error))
  end
  local by = { b = 0, c = 0 }
  for id = 1, JOBS do
    local r = assert(results[id], "job " .. id .. " missing")
    assert(r.sum == (1000 + id) * (1001 + id) / 2)
    by[r.node] = by[r.node] + 1
  end
  print(string.format("pool %d jobs done once each (duplicates %d), %d replaced, c did %d, b did %d", JOBS, dup, replaced, by.c, by.b))
end

local function main()
  local ids = {}
  for i, m in ipairs(system.cluster.members()) do ids[i] = m.id .. (m.is_local and "*" or "") end
  print("members " .. table.concat(ids, " ") .. ", size " .. system.cluster.size())
  ping_pong()
  pool()
  print("DONE")
  return 0
end

return { main = main }
