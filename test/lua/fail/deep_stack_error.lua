local function r(n)
  if n == 0 then error("bottom reached") end
  return 1 + r(n - 1)
end
r(100)
