local t = {}
t()
