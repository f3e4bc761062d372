-- Pings an echo process spawned on each node named in the arguments ("b", "c"), and prints which answered.
local function main(...)
  for _, node in ipairs({ ... }) do
    local echo = assert(process.spawn_linked("app:echo", node .. "@app:workers"))
    process.send(echo, "ping", node)
    local m = process.inbox():receive()
    print("probe " .. m:payload():data() .. " " .. (m:from() == echo and "ok" or "wrong sender"))
    process.unlink(echo)
    process.terminate(echo)
  end
end

return { main = main }
