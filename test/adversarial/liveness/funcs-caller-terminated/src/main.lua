local function main()
  for _, which in ipairs({ "sleep", "spin", "async" }) do
    local pid = process.spawn("app:caller", "app:processes", process.pid(), which)
    process.inbox():receive()
    time.sleep("50ms")
    local running = system.runtime.goroutines()
    process.terminate(pid)
    time.sleep("100ms")
    print(string.format("%s: running %d, after terminate %d", which, running, system.runtime.goroutines()))
  end
  return 0
end

return { main = main }
