print(unpack(nil))
