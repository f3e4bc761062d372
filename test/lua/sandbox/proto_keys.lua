local t = {} t.__proto__ = 1 t.constructor = 2 print(t.__proto__, t.constructor, t.toString)
