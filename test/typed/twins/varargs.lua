-- varargs, function-typed values, multi-line aliases
type Handler = fun(event: string, ...any): boolean
type Config = {
  name: string,
  retries: number @min(0) @max(5),
  on_error?: (err: string) -> (),
}

local function sum(...: number): number
  local total: number = 0
  for _, v in ipairs({...}) do total = total + v end
  return total
end

local handler: Handler = function(event: string, ...: any): boolean
  print("event", event, select("#", ...))
  return true
end

local cfg: Config = {name = "x", retries = 2}
print(sum(1, 2, 3), handler("go", 1, nil, 3), cfg.name, cfg.retries)
