local function mr() return 1, 2, 3 end
local function none() end
local a, b, c, d = mr()
print(a, b, c, d)
local x, y = mr(), 10
print(x, y)
local p, q, r = 0, mr()
print(p, q, r)
print(mr(), mr())
print((mr()))
print(#{mr(), mr()}, #{mr(), (mr())})
print(#{none()}, #{none(), 1}, select('#', none(), none()))
local t = {mr(), k = mr()}
print(t.k, #t)
local s = mr() .. ""
print(s)
print(mr() + 10)
local function ret() return mr() end
local function retp() return (mr()) end
local function ret2() return 0, mr() end
print(ret())
print(retp())
print(ret2())
print(select('#', none()), select('#', (none())))
local g1, g2
g1, g2 = none()
print(g1, g2)
