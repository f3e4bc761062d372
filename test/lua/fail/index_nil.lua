local x = nil
print("ok so far")
print(x.field)
