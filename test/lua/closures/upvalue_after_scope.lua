local fs = {}
do
  local x = 1
  fs.inc = function() x = x + 1 return x end
  fs.get = function() return x end
  x = 10
end
print(fs.get(), fs.inc(), fs.get())
