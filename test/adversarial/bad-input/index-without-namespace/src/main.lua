return { main = function() print("never: the definition file has no namespace") end }
