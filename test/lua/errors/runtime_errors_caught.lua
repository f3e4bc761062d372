-- only the outcome is compared: PUC 5.1 words these messages differently from moonforge
local cases = {
  function() local x = nil; return x.y end,
  function() local x = nil; x() end,
  function() return {} + 1 end,
  function() return "a" + 1 end,
  function() return #nil end,
  function() return nil .. "x" end,
  function() return 1 < {} end,
  function() local t = {} t[nil] = 1 end,
  function() local t = {} t[0 / 0] = 1 end,
  function() return ("x"):bad() end,
  function() return math.floor("z") end,
  function() return ("x"):rep() end,
  function() return setmetatable(1, {}) end,
  function() return ipairs() end,
  function() return 1 + 1 end,
}
for i, f in ipairs(cases) do print(i, (pcall(f))) end
