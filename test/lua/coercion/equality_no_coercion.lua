print(1 == "1", "1" == 1, 0 == "0", "" == 0, nil == false)
local t = { [1] = "a" }
print(t["1"], t[1])
print(("10" + 0) == 10, tostring(10) == "10")
