return { run = function() time.sleep("50ms") return "old" end }
