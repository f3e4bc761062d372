-- must never run: `--host` without its value is a usage error, not "run on the default host"
return { main = function() print("ran on the default host") end }
