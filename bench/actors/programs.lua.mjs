// The three actor programs in Lua (Wippy process entries), as run by moonforge: ping-pong, a ring of processes
// passing a token, and spawn + EXIT notice to a monitor; plus the idle process of the memory measurement.
export const LUA = {
  'bench:pong': `
    return { main = function()
      local inbox = process.inbox()
      while true do
        local m = inbox:receive()
        local n = m:payload():data()
        process.send(m:from(), "pong", n)
        if n == 0 then return end
      end
    end }`,
  'bench:pingpong': `
    return { main = function(n)
      local pong = process.spawn("bench:pong", "app:processes")
      local inbox = process.inbox()
      for i = n, 0, -1 do
        process.send(pong, "ping", i)
        inbox:receive()
      end
      return n
    end }`,
  // A ring node: learns its successor, then forwards the token (a countdown); the node that sees 0 tells the root.
  'bench:ringnode': `
    return { main = function(root)
      local inbox = process.inbox()
      local nxt = inbox:receive():payload():data()
      while true do
        local n = inbox:receive():payload():data()
        if n == 0 then process.send(root, "done", 0) return end
        process.send(nxt, "t", n - 1)
        if n == 1 then return end
      end
    end }`,
  'bench:ring': `
    return { main = function(size, hops)
      local me = process.pid()
      local pids = {}
      for i = 1, size do pids[i] = process.spawn("bench:ringnode", "app:processes", me) end
      for i = 1, size do process.send(pids[i], "next", pids[i % size + 1]) end
      process.send(pids[1], "t", hops)
      local m = process.inbox():receive()
      for i = 1, size do process.terminate(pids[i]) end
      return hops
    end }`,
  'bench:quick': `return { main = function() return 1 end }`,
  'bench:spawnexit': `
    return { main = function(n)
      local events = process.events()
      for i = 1, n do
        process.spawn_monitored("bench:quick", "app:processes")
        local ev = events:receive()
      end
      return n
    end }`,
  'bench:idle': `
    return { main = function()
      process.inbox():receive()
    end }`,
};
