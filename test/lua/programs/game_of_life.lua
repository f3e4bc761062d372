local W, H = 10, 10
local grid = {}
for y = 1, H do grid[y] = {} for x = 1, W do grid[y][x] = 0 end end
grid[2][3], grid[3][4], grid[4][2], grid[4][3], grid[4][4] = 1, 1, 1, 1, 1
local function step(g)
  local n = {}
  for y = 1, H do
    n[y] = {}
    for x = 1, W do
      local c = 0
      for dy = -1, 1 do for dx = -1, 1 do
        if not (dx == 0 and dy == 0) then
          local yy, xx = (y + dy - 1) % H + 1, (x + dx - 1) % W + 1
          c = c + g[yy][xx]
        end
      end end
      n[y][x] = (c == 3 or (c == 2 and g[y][x] == 1)) and 1 or 0
    end
  end
  return n
end
for _ = 1, 8 do grid = step(grid) end
for y = 1, H do print((table.concat(grid[y]):gsub("0", "."):gsub("1", "#"))) end
