for k in 5 do print(k) end
