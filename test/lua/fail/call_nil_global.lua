print("start")
undefinedFunction(1, 2)
