local deps = { app = { "lib", "util" }, lib = { "core" }, util = { "core", "log" }, core = {}, log = {}, test = { "app" } }
local function topo()
  local names = {}
  for n in pairs(deps) do names[#names + 1] = n end
  table.sort(names)
  local visited, order = {}, {}
  local function visit(n, stack)
    if visited[n] == "done" then return end
    if visited[n] == "visiting" then error("cycle at " .. n, 0) end
    visited[n] = "visiting"
    local ds = { unpack(deps[n]) }
    table.sort(ds)
    for _, d in ipairs(ds) do visit(d) end
    visited[n] = "done"
    order[#order + 1] = n
  end
  for _, n in ipairs(names) do visit(n) end
  return order
end
print(table.concat(topo(), " "))
deps.core = { "app" }
print(pcall(topo))
