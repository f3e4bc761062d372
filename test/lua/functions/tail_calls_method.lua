local obj = { count = 0 }
function obj:step(n)
  if n == 0 then return self.count end
  self.count = self.count + 1
  return self:step(n - 1)
end
print(obj:step(200000))
local function retvals(n, ...) if n == 0 then return ... end return retvals(n - 1, ...) end
print(retvals(100000, "x", nil, "z"))
