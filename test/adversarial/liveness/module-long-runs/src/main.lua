local time = require("time")

local KINDS = { "expr-nested-count", "diff-without-deadline", "markdown-deep-list", "splitter-overlap",
  "regexp-replace-template", "yaml-huge-document", "yaml-huge-flow",
  "json-schema-exponential" }

local function main()
  for _, kind in ipairs(KINDS) do
    local pid = process.spawn_monitored("app:attack", "app:processes", kind)
    local ev = process.events():receive()
    local err = ev.kind == process.event.EXIT and ev.from == pid and tostring(ev.result and ev.result.error) or ""
    print(kind, err:find("without giving way", 1, true) ~= nil)
    time.sleep("1ms")
  end
  print("main still runs")
  return 0
end

return { main = main }
