-- 100,000 tickers of 1 ms that nobody reads, then a sleep loop
local time = require("time")
local function main()
  local ts = {}
  for i = 1, 100000 do ts[#ts + 1] = time.ticker("1ms") end
  while true do time.sleep("1s") end
end
return { main = main }
