local graph = {
  A = { B = 7, C = 9, F = 14 }, B = { A = 7, C = 10, D = 15 }, C = { A = 9, B = 10, D = 11, F = 2 },
  D = { B = 15, C = 11, E = 6 }, E = { D = 6, F = 9 }, F = { A = 14, C = 2, E = 9 },
}
local function shortest(src)
  local dist, done, prev = { [src] = 0 }, {}, {}
  while true do
    local best, bestd
    for node, d in pairs(dist) do
      if not done[node] and (bestd == nil or d < bestd or (d == bestd and node < best)) then best, bestd = node, d end
    end
    if not best then break end
    done[best] = true
    for nb, w in pairs(graph[best]) do
      if dist[nb] == nil or bestd + w < dist[nb] then dist[nb] = bestd + w prev[nb] = best end
    end
  end
  return dist, prev
end
local dist, prev = shortest("A")
for _, n in ipairs({ "A", "B", "C", "D", "E", "F" }) do
  local path, p = { n }, prev[n]
  while p do table.insert(path, 1, p) p = prev[p] end
  print(n, dist[n], table.concat(path, "-"))
end
