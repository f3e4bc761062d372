-- Node a: ping-pong with a process on node b, a ring whose neighbours are on different nodes, a one-way stream to
-- node b. Prints one line per program: NAME COUNT MICROSECONDS.
local function us() return time.now():unix_nano() / 1000 end

local function ping_pong(n)
  local echo = assert(process.spawn("app:echo", "b@app:h"))
  local inbox = process.inbox()
  local t0 = us()
  for i = 1, n do
    process.send(echo, "ping", { i = i })
    inbox:receive()
  end
  print("pingpong", n, math.floor(us() - t0))
  process.terminate(echo)
end

local function ring(members, tokens, hops)
  local pids = {}
  for i = 1, members do
    pids[i] = assert(process.spawn("app:member", i % 2 == 1 and "app:h" or "b@app:h", process.pid()))
  end
  for i = 1, members do process.send(pids[i], "next", pids[i % members + 1]) end
  local inbox = process.inbox()
  local t0 = us()
  for t = 1, tokens do process.send(pids[t], "t", hops) end
  for _ = 1, tokens do inbox:receive() end
  print("ring", tokens * hops, math.floor(us() - t0))
  for i = 1, members do process.terminate(pids[i]) end
end

local function stream(n)
  local sink = assert(process.spawn("app:sink", "b@app:h", process.pid(), n))
  local inbox = process.inbox()
  local t0 = us()
  for i = 1, n do process.send(sink, "m", i) end
  inbox:receive()
  print("stream", n, math.floor(us() - t0))
end

local function main(pings, members, tokens, hops, streamed)
  ping_pong(tonumber(pings))
  ring(tonumber(members), tonumber(tokens), tonumber(hops))
  stream(tonumber(streamed))
  return 0
end
return { main = main }
