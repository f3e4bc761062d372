-- yields from methods called through __index-inherited tables (the call itself is plain)
local Base = {}
Base.__index = Base
function Base:produce(n) for i = 1, n do coroutine.yield(self.name .. i) end end
local Child = setmetatable({}, { __index = Base })
Child.__index = Child
local obj = setmetatable({ name = "c" }, Child)
local out = {}
for v in coroutine.wrap(function() obj:produce(3) end) do out[#out + 1] = v end
print(table.concat(out, ","))
