local function make(n)
  return { n = n, inc = function(self) self.n = self.n + 1 return self end, get = function(self) return self.n end }
end
print(make(1):inc():inc():get())
local calls = 0
local function factory() calls = calls + 1 return make(10) end
print(factory():inc():get(), calls)
