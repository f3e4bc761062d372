-- varargs, function-typed values, multi-line aliases

local function sum(...)
  local total = 0
  for _, v in ipairs({...}) do total = total + v end
  return total
end

local handler = function(event, ...)
  print("event", event, select("#", ...))
  return true
end

local cfg = {name = "x", retries = 2}
print(sum(1, 2, 3), handler("go", 1, nil, 3), cfg.name, cfg.retries)
