local grid = {}
for r = 1, 3 do
  grid[r] = {}
  for c = 1, 3 do grid[r][c] = r * 10 + c end
end
for r = 1, 3 do print(table.concat(grid[r], " ")) end
local deep = { a = { b = { c = { d = "deep" } } } }
print(deep.a.b.c.d, deep["a"]["b"].c["d"])
local function depth(t) local d = 0 while type(t) == "table" do d = d + 1 t = t.next end return d end
print(depth({ next = { next = { next = {} } } }))
