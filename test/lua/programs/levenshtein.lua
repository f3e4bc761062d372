local function lev(s, t)
  local d = {}
  for i = 0, #s do d[i] = { [0] = i } end
  for j = 0, #t do d[0][j] = j end
  for i = 1, #s do
    for j = 1, #t do
      local cost = s:sub(i, i) == t:sub(j, j) and 0 or 1
      d[i][j] = math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
    end
  end
  return d[#s][#t]
end
for _, p in ipairs({ { "kitten", "sitting" }, { "flaw", "lawn" }, { "", "abc" }, { "same", "same" }, { "lua", "javascript" } }) do
  print(p[1], p[2], lev(p[1], p[2]))
end
