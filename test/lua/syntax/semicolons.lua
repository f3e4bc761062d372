local a = 1; local b = 2;
print(a + b);
do local c = 3; print(c); end;
local function f() return 1; end
print(f());
