-- only conversions where PUC 5.1 (strtod) and Wippy's go-lua (strconv) agree: no exponent without a dot,
-- no leading zeros, no hex floats, no inf/nan
print(tonumber("42"), tonumber("-42"), tonumber("  7  "), tonumber("0x1A"), tonumber("0XfF"), tonumber("1.5e3"))
print(tonumber("abc"), tonumber(""), tonumber(" "), tonumber("12abc"), tonumber("1 2"), tonumber("0x"))
print(tonumber(5), tonumber(nil), tonumber(true), tonumber({}))
print(tonumber(".5") == 0.5, tonumber("5.") == 5, tonumber("-.5") == -0.5, tonumber("2.50") == 2.5)
print(tonumber("1.0e-2") == 0.01, tonumber("+3"), tonumber("-12"))
print(tonumber("10", 2), tonumber("ff", 16), tonumber("FF", 16), tonumber("zz", 36), tonumber("777", 8))
print(tonumber("8", 8), tonumber("12", 2), tonumber("z", 35), tonumber("Z", 36))
print(tonumber("11", 10), tonumber("  11  ", 2), tonumber("1010", 2) + 1)
print(tonumber("1.5", 10) == 1.5)
print(tonumber(tostring(123)), tonumber(tostring(-7)))
