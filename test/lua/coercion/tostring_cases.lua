print(tostring(nil), tostring(true), tostring(false), tostring(12), tostring("s"))
print(tostring(-7), tostring(2 ^ 20), tostring(100 / 4))
print(type(tostring({})), tostring({}):sub(1, 7))
print(select('#', tostring(1)))
