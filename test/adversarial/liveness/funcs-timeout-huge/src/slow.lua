return { run = function() time.sleep("100ms") return "done" end }
