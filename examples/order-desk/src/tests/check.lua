-- Assertions for the tests: each raises an error naming what was checked, at the caller's line.
local check = {}

function check.eq(actual, expected, what)
  if actual ~= expected then
    error(string.format("%s: expected %s, got %s", what, tostring(expected), tostring(actual)), 2)
  end
end

function check.contains(text, part, what)
  if type(text) ~= "string" or not text:find(part, 1, true) then
    error(string.format("%s: expected text containing %q, got %s", what, part, tostring(text)), 2)
  end
end

return check
