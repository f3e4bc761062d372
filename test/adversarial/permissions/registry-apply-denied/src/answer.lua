return { run = function() return 42 end }
