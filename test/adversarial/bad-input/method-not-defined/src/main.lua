return { main = function() print("never: the entry names a method this table does not have") end }
