return { run = function() while true do time.sleep("10ms") end end }
