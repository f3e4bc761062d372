local Obj = {}
Obj.__index = Obj
function Obj:fail()
  error("method failed")
end
local o = setmetatable({}, Obj)
o:fail()
