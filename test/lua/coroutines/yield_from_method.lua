local Worker = {}
Worker.__index = Worker
function Worker.new(name) return setmetatable({ name = name, steps = 0 }, Worker) end
function Worker:step()
  self.steps = self.steps + 1
  coroutine.yield(self.name .. ":" .. self.steps)
end
function Worker:run(n) for _ = 1, n do self:step() end return self.name .. " finished" end
local workers = { Worker.new("a"), Worker.new("b") }
local cos = {}
for i, w in ipairs(workers) do cos[i] = coroutine.create(function() return w:run(i + 1) end) end
local out = {}
local alive = true
while alive do
  alive = false
  for i, co in ipairs(cos) do
    if coroutine.status(co) ~= "dead" then
      local ok, v = coroutine.resume(co)
      out[#out + 1] = v
      alive = true
    end
  end
end
print(table.concat(out, " "))
