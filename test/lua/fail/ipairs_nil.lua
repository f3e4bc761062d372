for i, v in ipairs(nil) do print(i, v) end
