-- the generic for calls its iterator like any call, so a table with __call works
local iter = setmetatable({ i = 0 }, { __call = function(self, state, ctl)
  self.i = self.i + 1
  if self.i <= state then return self.i, self.i * 2 end
end })
for a, b in iter, 3 do print(a, b) end
