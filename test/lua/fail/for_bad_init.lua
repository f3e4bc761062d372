for i = nil, 2 do print(i) end
