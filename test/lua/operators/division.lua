local inf = 1 / 0
local ninf = -1 / 0
print(inf > 1e308, ninf < -1e308, inf == -ninf)
local nan = 0 / 0
print(nan == nan, nan ~= nan, nan < 1, nan > 1, not (nan <= nan))
print(1 / inf == 0, -1 / inf == 0)
local negzero = -1 / inf
print(negzero == 0, 1 / negzero < 0)
local t = {}
t[0] = "zero"
print(t[negzero], t[-0])
