-- what arrived: the type of each argument, and whether a table still contains itself
local function run(a, b, c)
  return { a = type(a), b = type(b), cyclic = type(a) == "table" and a.self == a, c = c }
end

return { run = run }
