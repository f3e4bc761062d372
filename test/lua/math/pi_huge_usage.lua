-- math.huge is only compared, never printed (Wippy's is MaxFloat64, PUC's is inf)
print(math.huge > 1e300, -math.huge < -1e300)
local m = math.huge
for _, v in ipairs({ 5, 3, 9 }) do if v < m then m = v end end
print(m)
print(string.format("%.4f", math.pi))
