local Builder = {}
Builder.__index = Builder
function Builder.new() return setmetatable({ parts = {} }, Builder) end
function Builder:add(...)
  for i = 1, select('#', ...) do self.parts[#self.parts + 1] = tostring((select(i, ...))) end
  return self
end
function Builder:line(fmt, ...) return self:add(string.format(fmt, ...), "\n") end
Builder.__tostring = function(b) return table.concat(b.parts) end
Builder.__concat = function(a, b) return tostring(a) .. tostring(b) end
local b = Builder.new()
b:add("x", 1, nil, true):line("%d-%s", 5, "five"):line("%5.2f|", 2.345)
print(tostring(b))
print(b .. "<end>")
