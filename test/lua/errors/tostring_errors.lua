local ok, e = pcall(function() error("line info") end)
local file, line, msg = e:match("^(.-):(%d+): (.*)$")
print(ok, file, line, msg)
