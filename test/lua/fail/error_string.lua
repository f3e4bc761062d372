print("one")
error('x')
