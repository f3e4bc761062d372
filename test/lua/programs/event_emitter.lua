local Emitter = {}
Emitter.__index = Emitter
function Emitter.new() return setmetatable({ handlers = {} }, Emitter) end
function Emitter:on(name, fn)
  local list = self.handlers[name] or {}
  self.handlers[name] = list
  list[#list + 1] = fn
  return function()
    for i, f in ipairs(list) do if f == fn then table.remove(list, i) return true end end
    return false
  end
end
function Emitter:emit(name, ...)
  local n = 0
  for _, f in ipairs(self.handlers[name] or {}) do f(...) n = n + 1 end
  return n
end
local e = Emitter.new()
local log = {}
local off = e:on("msg", function(a, b) log[#log + 1] = "h1:" .. a .. b end)
e:on("msg", function(a) log[#log + 1] = "h2:" .. a end)
print(e:emit("msg", "x", "y"))
print(off(), off())
print(e:emit("msg", "z", "w"), e:emit("none"))
print(table.concat(log, " "))
