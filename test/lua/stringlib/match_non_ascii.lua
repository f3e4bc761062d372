local s = "naïve café"
print(#s, s:match("%a+"), s:find("é"))
local n = 0
for _ in s:gmatch("[\128-\255]") do n = n + 1 end
print(n)
print(("é"):byte(1, -1))
print(("ñ"):upper() == "ñ")
print("é" > "z", "a" < "é")
